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

    // Every alternative of PiiPatterns.SecretAssignment starts with one of these.
    private static readonly SearchValues<string> SecretKeywords = SearchValues.Create(
        ["password", "passwd", "passphrase", "pwd", "secret", "api", "access", "auth", "refresh", "bearer", "session", "token", "credential", "account", "shared", "private"],
        StringComparison.OrdinalIgnoreCase);

    // Every ASCII alternative of the label in PiiPatterns.DateOfBirth contains one of these.
    private static readonly SearchValues<string> BirthLabels = SearchValues.Create(
        ["dob", "d.o", "do.b", "birth", "born", "nacimiento", "nacid", "naissance", "ne ", "ne\t", "nee ", "nee\t", "geburtsdatum", "geboren", "nascita", "nascimento", "geboortedatum"],
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
        return new PiiGates(
            SsnLabel: MayHaveSsnLabel(text, ascii),
            SecretAssignment: MayHaveSecretAssignment(text, ascii),
            BirthLabel: MayHaveBirthLabel(text, ascii) || (!plainAscii && (text.AsSpan().ContainsAny('é', 'É') || text.Contains("生年月日", StringComparison.Ordinal))),
            BirthHeader: MayHaveBirthHeader(text, ascii) || (!plainAscii && text.Contains("生年月日", StringComparison.Ordinal)),
            Bearer: MayHaveBearer(text, ascii),
            AwsKey: MayHaveAwsKey(text),
            GitHubToken: MayHaveGitHubToken(text),
            StripeKey: MayHaveStripeKey(text),
            SlackToken: MayHaveSlackToken(text),
            GoogleKey: MayHaveGoogleKey(text),
            Jwt: MayHaveJwt(text),
            SkKey: MayHaveSkKey(text),
            IPv4: MayHaveIPv4(text),
            IPv6: MayHaveIPv6(text),
            Iban: MayHaveIban(text));
    }

    /// <summary>Whether a labelled SSN may be present.</summary>
    public static bool MayHaveSsnLabel(string text, bool ascii) => !ascii || text.AsSpan().ContainsAny(SsnLabels);

    /// <summary>Whether a credential assignment may be present.</summary>
    public static bool MayHaveSecretAssignment(string text, bool ascii) => !ascii || text.AsSpan().ContainsAny(SecretKeywords);

    /// <summary>Whether a labelled date of birth may be present.</summary>
    public static bool MayHaveBirthLabel(string text, bool ascii) =>
        !ascii || text.AsSpan().ContainsAny(BirthLabels);

    /// <summary>Whether a table may have a date-of-birth header cell (PiiPatterns.DateOfBirthHeader).</summary>
    public static bool MayHaveBirthHeader(string text, bool ascii) =>
        !ascii || text.AsSpan().ContainsAny(BirthHeaders);

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

    /// <summary>Whether colon-separated hex groups may be present: two colons with at most four hex digits between them.</summary>
    public static bool MayHaveIPv6(string text)
    {
        for (var i = text.IndexOf(':', StringComparison.Ordinal); i >= 0; i = text.IndexOf(':', i + 1))
        {
            var j = i + 1;
            while (j < text.Length && j - i <= 4 && char.IsAsciiHexDigit(text[j]))
            {
                j++;
            }

            if (j < text.Length && text[j] == ':')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an IBAN may start here: two ASCII letters followed by two digits.</summary>
    public static bool MayHaveIban(string text)
    {
        for (var i = text.AsSpan().IndexOfAnyInRange('0', '9'); i >= 0 && i + 1 < text.Length;)
        {
            if (i >= 2 && char.IsAsciiLetter(text[i - 2]) && char.IsAsciiLetter(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
            {
                return true;
            }

            // Skip this run of digits: only its first digit can follow the letters.
            var j = i + 1;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            var next = j < text.Length ? text.AsSpan(j).IndexOfAnyInRange('0', '9') : -1;
            i = next < 0 ? -1 : j + next;
        }

        return false;
    }
}

/// <summary>Which of the scanner's patterns may match a text (see <see cref="PiiPrefilters"/>).</summary>
internal readonly record struct PiiGates(
    bool SsnLabel, bool SecretAssignment, bool BirthLabel, bool BirthHeader, bool Bearer, bool AwsKey, bool GitHubToken, bool StripeKey,
    bool SlackToken, bool GoogleKey, bool Jwt, bool SkKey, bool IPv4, bool IPv6, bool Iban)
{
    /// <summary>Every gate open: every pattern runs (what the scanner did before it had prefilters; used by tests).</summary>
    public static PiiGates Open { get; } = new(true, true, true, true, true, true, true, true, true, true, true, true, true, true, true);
}
