using System.Buffers;
using System.Text;

namespace SecureReqs;

/// <summary>
/// The hand-written search for <see cref="PiiPatterns.SecretAssignment"/> (a credential keyword, an assignment or
/// "is"/"was", then a value of 8 to 256 characters) and the check of <see cref="PiiPatterns.SecretPlaceholder"/>, found as
/// the patterns find them without building their case-insensitive automata.
/// </summary>
/// <remarks>
/// The patterns stay the specification: <c>PiiCandidateTests</c> compares both with them on seeded texts. The pattern's
/// choices reduce to these: at most one keyword can match at a position (the alternatives differ within their words; a
/// shorter <c>credential</c> would leave an <c>s</c> no operator accepts); a quote after the keyword or before the value is
/// taken when present (without it nothing that follows accepts the quote); the operators are tried in the pattern's
/// order (<c>:=</c>, <c>=&gt;</c>, then one <c>:</c> or <c>=</c>, which may leave <c>=</c> or <c>&gt;</c> to start the value),
/// then the prose form with <c>is</c> or <c>was</c> and an optional colon. Case-insensitive matching also takes the Kelvin
/// sign for <c>k</c>. Each candidate reads its keyword, a run of blanks and at most 256 value characters per operator
/// choice, so the search is linear in the text.
/// </remarks>
internal static class SecretAssignmentCandidates
{
    // Every keyword alternative starts with one of these; a text with the Kelvin sign (which an ordinal case-insensitive
    // search does not fold to k) is searched position by position instead.
    private static readonly SearchValues<string> KeywordStarts = SearchValues.Create(
        ["password", "passwd", "passphrase", "pwd", "secret", "api", "access", "auth", "refresh", "bearer", "session", "token", "credential", "account", "shared", "private"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> KeywordFirstLetters = SearchValues.Create("psarbtcPSARBTC");

    private static readonly SearchValues<char> NotValue = SearchValues.Create("\"'`,;<>(){}[]");

    private static readonly string[] PlaceholderWords = ["null", "none", "undefined", "true", "false", "redacted", "[redacted]", "changeme"];

    /// <summary>The first credential assignment that starts at or after <paramref name="from"/>.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="valueStart">The start of the value (the pattern's <c>value</c> group).</param>
    /// <param name="end">The end of the value and of the match.</param>
    /// <param name="weak">Whether the prose form ("password is …") matched (the pattern's <c>weak</c> group).</param>
    /// <returns>Whether one was found.</returns>
    public static bool Next(string text, int from, out int valueStart, out int end, out bool weak) =>
        Next(text, from, text.Contains('\u212A'), out valueStart, out end, out weak);

    /// <summary>The first credential assignment that starts at or after <paramref name="from"/>, for a caller that has looked for the Kelvin sign once per text.</summary>
    /// <param name="text">The folded shadow text.</param>
    /// <param name="from">Where the search starts.</param>
    /// <param name="kelvin">Whether the text holds the Kelvin sign (looking on every call would read the text once per match).</param>
    /// <param name="valueStart">The start of the value (the pattern's <c>value</c> group).</param>
    /// <param name="end">The end of the value and of the match.</param>
    /// <param name="weak">Whether the prose form ("password is …") matched (the pattern's <c>weak</c> group).</param>
    /// <returns>Whether one was found.</returns>
    public static bool Next(string text, int from, bool kelvin, out int valueStart, out int end, out bool weak)
    {
        for (var p = NextStart(text, from, kelvin); p >= 0; p = NextStart(text, p + 1, kelvin))
        {
            var keyword = KeywordEnd(text, p);
            if (keyword >= 0 && AssignmentAt(text, Optional(text, keyword, '"', '\''), out valueStart, out end, out weak))
            {
                return true;
            }
        }

        (valueStart, end, weak) = (-1, -1, false);
        return false;
    }

    /// <summary>Whether <paramref name="value"/> points at a secret rather than being one (what <see cref="PiiPatterns.SecretPlaceholder"/> matches).</summary>
    /// <param name="value">The value of an assignment.</param>
    /// <returns>Whether it is a placeholder, a variable or a code reference.</returns>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        // [*xX#.\-_]+ | \$.* | %.* | <.* | \{.* : the first character decides.
        if (value[0] is '*' or 'x' or 'X' or '#' or '.' or '-' or '_' or '$' or '%' or '<' or '{')
        {
            return true;
        }

        // [A-Za-z_]+(?:\.[A-Za-z_]+)+ : a dotted name at the start.
        var letters = 0;
        while (letters < value.Length && IsNameChar(value[letters]))
        {
            letters++;
        }

        if (letters > 0 && letters + 1 < value.Length && value[letters] == '.' && IsNameChar(value[letters + 1]))
        {
            return true;
        }

        // (?:null|none|…|\*+)$ : the whole value ($ also before a final line feed, which an assignment's value never holds).
        return IsPlaceholderWord(value) || (value[^1] == '\n' && IsPlaceholderWord(value[..^1]));
    }

    private static bool IsPlaceholderWord(ReadOnlySpan<char> value)
    {
        foreach (var word in PlaceholderWords)
        {
            if (value.Length == word.Length && Ascii.IsValid(value) && value.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextStart(string text, int from, bool kelvin)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var next = kelvin ? text.AsSpan(from).IndexOfAny(KeywordFirstLetters) : text.AsSpan(from).IndexOfAny(KeywordStarts);
        return next < 0 ? -1 : from + next;
    }

    // The end of the keyword alternative that matches at p, or -1.
    private static int KeywordEnd(string text, int p)
    {
        int i;
        if ((i = Word(text, p, "password")) >= 0 || (i = Word(text, p, "passwd")) >= 0 || (i = Word(text, p, "passphrase")) >= 0
            || (i = Word(text, p, "pwd")) >= 0 || (i = Word(text, p, "secret")) >= 0)
        {
            return i;
        }

        if ((i = Word(text, p, "api")) >= 0)
        {
            return Word(text, Optional(text, i, '_', '-'), "key");
        }

        if ((i = Word(text, p, "access")) >= 0)
        {
            var sep = Optional(text, i, '_', '-');
            return Word(text, sep, "key") is var key and >= 0 ? key : Word(text, sep, "token");
        }

        if ((i = Word(text, p, "auth")) >= 0 || (i = Word(text, p, "refresh")) >= 0 || (i = Word(text, p, "bearer")) >= 0 || (i = Word(text, p, "session")) >= 0)
        {
            return Word(text, Optional(text, i, '_', '-'), "token");
        }

        if ((i = Word(text, p, "token")) >= 0)
        {
            return i;
        }

        if ((i = Word(text, p, "credential")) >= 0)
        {
            return Letter(text, i, 's') ? i + 1 : i;
        }

        if ((i = Word(text, p, "account")) >= 0 || (i = Word(text, p, "private")) >= 0)
        {
            return Word(text, Optional(text, i, '_', '-'), "key");
        }

        if ((i = Word(text, p, "shared")) >= 0 && (i = Word(text, Optional(text, i, '_', '-'), "access")) >= 0)
        {
            return Word(text, Optional(text, i, '_', '-'), "key");
        }

        return -1;
    }

    // After the keyword (and its quote): the operators in the pattern's order, then the prose form.
    private static bool AssignmentAt(string text, int i, out int valueStart, out int end, out bool weak)
    {
        weak = false;
        var op = Blanks(text, i);
        if (op < text.Length)
        {
            if (op + 1 < text.Length && ((text[op] == ':' && text[op + 1] == '=') || (text[op] == '=' && text[op + 1] == '>'))
                && ValueAt(text, op + 2, out valueStart, out end))
            {
                return true;
            }

            if (text[op] is ':' or '=' && ValueAt(text, op + 1, out valueStart, out end))
            {
                return true;
            }
        }

        // [ \t]+(?:is|was)[ \t]*:?
        if (op > i && ((Word(text, op, "is") is var word and >= 0) || (word = Word(text, op, "was")) >= 0))
        {
            weak = true;
            var colon = Blanks(text, word);
            if (colon < text.Length && text[colon] == ':' && ValueAt(text, colon + 1, out valueStart, out end))
            {
                return true;
            }

            if (ValueAt(text, colon, out valueStart, out end))
            {
                return true;
            }
        }

        (valueStart, end, weak) = (-1, -1, false);
        return false;
    }

    // [ \t]*["']?(?<value>[^\s"'`,;<>(){}\[\]]{8,256})
    private static bool ValueAt(string text, int i, out int valueStart, out int end)
    {
        var start = Optional(text, Blanks(text, i), '"', '\'');
        var run = start;
        while (run < text.Length && run - start < 256 && !char.IsWhiteSpace(text[run]) && !NotValue.Contains(text[run]))
        {
            run++;
        }

        (valueStart, end) = run - start >= 8 ? (start, run) : (-1, -1);
        return valueStart >= 0;
    }

    // The end of word (lower-case ASCII) at i in any case, or -1; k also matches the Kelvin sign.
    private static int Word(string text, int i, string word)
    {
        if (i + word.Length > text.Length)
        {
            return -1;
        }

        for (var k = 0; k < word.Length; k++)
        {
            if (!Letter(text, i + k, word[k]))
            {
                return -1;
            }
        }

        return i + word.Length;
    }

    private static bool Letter(string text, int i, char c) =>
        i < text.Length && ((char.IsAsciiLetter(text[i]) && (text[i] | 0x20) == c) || (c == 'k' && text[i] == '\u212A'));

    private static int Optional(string text, int i, char a, char b) => i < text.Length && (text[i] == a || text[i] == b) ? i + 1 : i;

    private static int Blanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    // [A-Za-z_] under RegexOptions.IgnoreCase: also the Kelvin sign.
    private static bool IsNameChar(char c) => char.IsAsciiLetter(c) || c is '_' or '\u212A';
}
