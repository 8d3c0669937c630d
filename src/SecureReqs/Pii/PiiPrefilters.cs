using System.Buffers;
using System.Text;

namespace SecureReqs;

/// <summary>
/// Cheap, vectorised tests of whether a pattern can match a text at all, so the scanner skips patterns that cannot
/// (and never builds their automata in a process whose texts never need them).
/// </summary>
/// <remarks>
/// Each test is necessary, never sufficient: it passes every text the pattern could match, and the pattern still decides.
/// Case-insensitive patterns also match non-ASCII case variants (the Kelvin sign for <c>k</c>, the long s for <c>s</c>),
/// so their word tests are used only on texts without those two characters (and the date-of-birth tests also look for
/// the labels' own non-ASCII literals); a text with either runs the pattern.
/// </remarks>
internal static class PiiPrefilters
{
    // Every alternative of PiiPatterns.SsnLabelled starts with one of these.
    private static readonly SearchValues<string> SsnLabels = SearchValues.Create(["ssn", "ss#", "soc"], StringComparison.OrdinalIgnoreCase);

    // Every alternative of PiiPatterns.SecretAssignment contains one of these (password and passwd "passw"; the api, access,
    // account, shared access and private keys "key"; the access, auth, refresh, bearer and session tokens "token"), so
    // text that merely mentions an API, access or a session (every line of a web server's log) skips the pattern.
    private static readonly SearchValues<string> SecretKeywords = SearchValues.Create(
        ["passw", "passphrase", "pwd", "secret", "key", "token", "credential"],
        StringComparison.OrdinalIgnoreCase);

    // Every ASCII alternative of the label in PiiPatterns.DateOfBirth but "ne le" / "nee le" contains one of these;
    // those two (common words end in "ne") are looked for whole (HasNeLe).
    private static readonly SearchValues<string> BirthLabels = SearchValues.Create(
        ["dob", "d.o", "do.b", "birth", "born", "nacimiento", "nacid", "naissance", "geburtsdatum", "geboren", "nascita", "nascimento", "geboortedatum"],
        StringComparison.OrdinalIgnoreCase);

    // Every header cell PiiPatterns.DateOfBirthHeader accepts in ASCII contains one of these (dob, d.ob, do.b, d.o.b, …).
    private static readonly SearchValues<string> BirthHeaders = SearchValues.Create(
        ["dob", "d.o", "do.b", "birth", "born", "nacimiento", "naissance", "geburtsdatum", "nascita", "nascimento", "geboortedatum"],
        StringComparison.OrdinalIgnoreCase);

    // The only characters outside ASCII that a case-insensitive, culture-invariant pattern matches with an ASCII letter:
    // the Kelvin sign (k) and the long s (s).
    private static readonly SearchValues<char> CaseVariantsOfAsciiLetters = SearchValues.Create("\u212A\u017F");

    private static readonly SearchValues<string> AwsPrefixes = SearchValues.Create(
        ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA", "ASCA"], StringComparison.Ordinal);

    private static readonly SearchValues<string> GitHubPrefixes = SearchValues.Create(["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], StringComparison.Ordinal);

    private static readonly SearchValues<string> StripePrefixes = SearchValues.Create(["sk_live_", "sk_test_", "rk_live_", "rk_test_"], StringComparison.Ordinal);

    private static readonly SearchValues<string> SlackPrefixes = SearchValues.Create(["xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "hooks.slack.com/services/"], StringComparison.Ordinal);

    // Every literal the secret formats' gates look for: a text with none of them (most texts) closes all seven in one search.
    private static readonly SearchValues<string> SecretPrefixes = SearchValues.Create(
        ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA", "ASCA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
         "sk_live_", "sk_test_", "rk_live_", "rk_test_", "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "hooks.slack.com/services/", "AIza", "eyJ", "sk-"],
        StringComparison.Ordinal);

    // Every word the keyword gates look for in ASCII text (SSN and date-of-birth labels, credential keywords, bearer): a
    // text with none of them closes all five in one search.
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        ["ssn", "ss#", "soc", "passw", "passphrase", "pwd", "secret", "key", "token", "credential", "dob", "d.o", "do.b", "birth", "born",
         "nacimiento", "nacid", "naissance", "geburtsdatum", "geboren", "nascita", "nascimento", "geboortedatum", "bearer"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Which patterns may match <paramref name="text"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <returns>The gates; only what can match is open.</returns>
    /// <remarks>The label of <see cref="PiiPatterns.DateOfBirth"/> also has literals outside ASCII (né/née, 生年月日).</remarks>
    public static PiiGates For(string text)
    {
        // A case-insensitive pattern's ASCII letters match no other character than these two: the keyword tests hold
        // for every text without them, ASCII or not.
        var plainAscii = Ascii.IsValid(text);
        var ascii = plainAscii || !text.AsSpan().ContainsAny(CaseVariantsOfAsciiLetters);
        var words = !ascii || text.AsSpan().ContainsAny(Keywords);
        var secrets = text.AsSpan().ContainsAny(SecretPrefixes);
        return new PiiGates(
            SsnLabel: words && MayHaveSsnLabel(text, ascii),
            SecretAssignment: words && MayHaveSecretAssignment(text, ascii),
            BirthLabel: (words && MayHaveBirthLabel(text, ascii)) || HasNeLe(text) || (!plainAscii && (text.AsSpan().ContainsAny('é', 'É') || text.Contains("生年月日", StringComparison.Ordinal))),
            BirthHeader: (words && MayHaveBirthHeader(text, ascii)) || (!plainAscii && text.Contains("生年月日", StringComparison.Ordinal)),
            Bearer: words && MayHaveBearer(text, ascii),
            AwsKey: secrets && MayHaveAwsKey(text),
            GitHubToken: secrets && MayHaveGitHubToken(text),
            StripeKey: secrets && MayHaveStripeKey(text),
            SlackToken: secrets && MayHaveSlackToken(text),
            GoogleKey: secrets && MayHaveGoogleKey(text),
            Jwt: secrets && MayHaveJwt(text),
            SkKey: secrets && MayHaveSkKey(text),
            IPv4: MayHaveIPv4(text),
            IPv6: MayHaveIPv6(text));
    }

    /// <summary>Whether a labelled SSN may be present.</summary>
    public static bool MayHaveSsnLabel(string text, bool ascii) => !ascii || text.AsSpan().ContainsAny(SsnLabels);

    /// <summary>Whether a credential assignment may be present.</summary>
    public static bool MayHaveSecretAssignment(string text, bool ascii) => !ascii || text.AsSpan().ContainsAny(SecretKeywords);

    /// <summary>Whether a labelled date of birth may be present.</summary>
    public static bool MayHaveBirthLabel(string text, bool ascii) =>
        !ascii || text.AsSpan().ContainsAny(BirthLabels) || HasNeLe(text);

    /// <summary>Whether the label <c>ne le</c> or <c>nee le</c> (<c>n[ée]e?[ \t]+le</c> in ASCII, any case) is present.</summary>
    public static bool HasNeLe(string text)
    {
        for (var n = text.IndexOf("ne", StringComparison.OrdinalIgnoreCase); n >= 0; n = n + 2 < text.Length ? text.IndexOf("ne", n + 2, StringComparison.OrdinalIgnoreCase) : -1)
        {
            var i = n + 2;
            if (i < text.Length && text[i] is 'e' or 'E')
            {
                i++;
            }

            var blanks = i;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i > blanks && i + 2 <= text.Length && text[i] is 'l' or 'L' && text[i + 1] is 'e' or 'E')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a table may have a date-of-birth header cell (PiiPatterns.DateOfBirthHeader).</summary>
    public static bool MayHaveBirthHeader(string text, bool ascii) =>
        !ascii || text.AsSpan().ContainsAny(BirthHeaders);

    /// <summary>Whether a line of a table may hold a date-of-birth header cell (<see cref="BirthDateCandidates.IsHeader"/>).</summary>
    /// <remarks>The header forms are ASCII words, each holding one of <see cref="BirthHeaders"/>, or 生年月日.</remarks>
    public static bool MayHaveBirthHeaderCell(ReadOnlySpan<char> line) =>
        line.ContainsAny(BirthHeaders) || line.Contains("生年月日", StringComparison.Ordinal);

    /// <summary>Whether an HTTP bearer token may be present.</summary>
    public static bool MayHaveBearer(string text, bool ascii) => !ascii || text.Contains("bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an AWS access key id may be present.</summary>
    public static bool MayHaveAwsKey(string text) => text.AsSpan().ContainsAny(AwsPrefixes);

    /// <summary>Whether a GitHub token may be present.</summary>
    public static bool MayHaveGitHubToken(string text) => text.AsSpan().ContainsAny(GitHubPrefixes);

    /// <summary>Whether a Stripe key may be present.</summary>
    public static bool MayHaveStripeKey(string text) => text.AsSpan().ContainsAny(StripePrefixes);

    /// <summary>Whether a Slack token or webhook may be present.</summary>
    public static bool MayHaveSlackToken(string text) => text.AsSpan().ContainsAny(SlackPrefixes);

    /// <summary>Whether a Google API key may be present.</summary>
    public static bool MayHaveGoogleKey(string text) => text.Contains("AIza", StringComparison.Ordinal);

    /// <summary>Whether a JSON Web Token may be present.</summary>
    public static bool MayHaveJwt(string text) => text.Contains("eyJ", StringComparison.Ordinal);

    /// <summary>Whether an <c>sk-</c> key may be present.</summary>
    public static bool MayHaveSkKey(string text) => text.Contains("sk-", StringComparison.Ordinal);

    /// <summary>Whether a dotted quad may be present: at least three dots with a digit on each side.</summary>
    public static bool MayHaveIPv4(string text)
    {
        var count = 0;
        for (var i = text.IndexOf('.', StringComparison.Ordinal); i >= 0; i = text.IndexOf('.', i + 1))
        {
            if (i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]) && ++count == 3)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether colon-separated hex groups may be present: a run of hex digits and colons that starts where the pattern's
    /// look-behind lets a candidate start (the start of the text, or after a character outside <c>[\p{L}\p{N}_:.]</c>) and
    /// begins with two groups of at most four hex digits, each ended by a colon.
    /// </summary>
    /// <remarks>
    /// A candidate cannot start inside such a run (the character before would be a hex digit or a colon), so a time such as
    /// <c>2026-07-15T19:57:47</c>, whose run follows a letter, closes the gate. Each run is read once.
    /// </remarks>
    public static bool MayHaveIPv6(string text)
    {
        for (var colon = text.IndexOf(':', StringComparison.Ordinal); colon >= 0;)
        {
            var start = colon;
            while (start > 0 && IsHexOrColon(text[start - 1]))
            {
                start--;
            }

            var end = colon + 1;
            while (end < text.Length && IsHexOrColon(text[end]))
            {
                end++;
            }

            if ((start == 0 || !IsCandidateContext(text[start - 1])) && HexGroupEnd(text, HexGroupEnd(text, start, end), end) >= 0)
            {
                return true;
            }

            colon = end < text.Length ? text.IndexOf(':', end) : -1;
        }

        return false;
    }

    // The position after a group of at most four hex digits and its colon that starts at `start`, or -1.
    private static int HexGroupEnd(string text, int start, int end)
    {
        if (start < 0)
        {
            return -1;
        }

        var i = start;
        while (i < end && i - start <= 4 && char.IsAsciiHexDigit(text[i]))
        {
            i++;
        }

        return i < end && i - start <= 4 && text[i] == ':' ? i + 1 : -1;
    }

    private static bool IsHexOrColon(char c) => char.IsAsciiHexDigit(c) || c == ':';

    // [\p{L}\p{N}_:.]: the characters the IPv6 pattern's look-behind refuses before a candidate.
    private static bool IsCandidateContext(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '_' or ':' or '.';
}

/// <summary>Which of the scanner's patterns may match a text (see <see cref="PiiPrefilters"/>).</summary>
internal readonly record struct PiiGates(
    bool SsnLabel, bool SecretAssignment, bool BirthLabel, bool BirthHeader, bool Bearer, bool AwsKey, bool GitHubToken, bool StripeKey,
    bool SlackToken, bool GoogleKey, bool Jwt, bool SkKey, bool IPv4, bool IPv6)
{
    /// <summary>Every gate open: every pattern runs (what the scanner did before it had prefilters; used by tests).</summary>
    public static PiiGates Open { get; } = new(true, true, true, true, true, true, true, true, true, true, true, true, true, true);
}
