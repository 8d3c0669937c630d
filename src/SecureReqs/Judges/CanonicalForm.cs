using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;

namespace SecureReqs;

/// <summary>
/// The canonical form in which the judges compare values with answers: escapes decoded (JSON <c>\u0034</c>, HTML
/// <c>&amp;#52;</c>, <c>&amp;#x34;</c> and named entities, URL <c>%34</c>, HTML tags), compatibility forms folded (NFKC),
/// invisible characters and combining marks dropped, every Unicode decimal digit written as its ASCII digit, letters
/// that look like Latin letters (Cyrillic <c>а</c>, Greek <c>ο</c>) replaced by them, and everything lowercased.
/// </summary>
/// <remarks>
/// Every step is one pass over the text; <see cref="Decode"/> repeats at most <see cref="DecodeRounds"/> times (for
/// double-encoded text). Thread-safe and stateless. See docs/judges.md for what each judge builds on it.
/// </remarks>
internal static class CanonicalForm
{
    /// <summary>The most rounds of decoding (a value escaped twice, such as <c>%2534</c>, needs two).</summary>
    public const int DecodeRounds = 3;

    private static readonly SearchValues<char> _escapeStarts = SearchValues.Create("\\&%<");

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Named HTML entities that HTML4 (WebUtility) does not know but models and sanitizers write.
    private static readonly FrozenDictionary<string, string> _html5Entities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["commat"] = "@", ["period"] = ".", ["num"] = "#", ["sol"] = "/", ["colon"] = ":", ["lowbar"] = "_", ["hyphen"] = "-",
        ["dash"] = "-", ["excl"] = "!", ["quest"] = "?", ["lpar"] = "(", ["rpar"] = ")", ["lsqb"] = "[", ["rsqb"] = "]",
        ["plus"] = "+", ["equals"] = "=", ["comma"] = ",", ["semi"] = ";", ["percnt"] = "%", ["dollar"] = "$", ["ast"] = "*",
        ["bull"] = "•", ["midast"] = "*", ["verbar"] = "|", ["bsol"] = "\\", ["apos"] = "'", ["grave"] = "`", ["tilde"] = "~",
        ["NewLine"] = "\n", ["Tab"] = "\t", ["nbsp"] = " ", ["ensp"] = " ", ["emsp"] = " ", ["thinsp"] = " ",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Letters of other scripts that render like a Latin letter (the Cyrillic and Greek part of Unicode's confusables,
    // plus a few Latin look-alikes), mapped to that letter: a host or code written with them reads as the same word.
    private static readonly FrozenDictionary<int, char> _confusables = new Dictionary<int, char>
    {
        // Cyrillic
        [0x0410] = 'a', [0x0430] = 'a', [0x0412] = 'b', [0x0421] = 'c', [0x0441] = 'c', [0x0415] = 'e', [0x0435] = 'e',
        [0x0401] = 'e', [0x0451] = 'e', [0x041D] = 'h', [0x04BA] = 'h', [0x04BB] = 'h', [0x0406] = 'i', [0x0456] = 'i',
        [0x0407] = 'i', [0x0457] = 'i', [0x0408] = 'j', [0x0458] = 'j', [0x041A] = 'k', [0x04C0] = 'l', [0x04CF] = 'l',
        [0x041C] = 'm', [0x041E] = 'o', [0x043E] = 'o', [0x0420] = 'p', [0x0440] = 'p', [0x0405] = 's', [0x0455] = 's',
        [0x0422] = 't', [0x0423] = 'y', [0x0443] = 'y', [0x0425] = 'x', [0x0445] = 'x', [0x0500] = 'd', [0x0501] = 'd',
        [0x051A] = 'q', [0x051B] = 'q', [0x051C] = 'w', [0x051D] = 'w', [0x0474] = 'v', [0x0475] = 'v',
        // Greek
        [0x0391] = 'a', [0x03B1] = 'a', [0x0392] = 'b', [0x0395] = 'e', [0x0396] = 'z', [0x0397] = 'h', [0x0399] = 'i',
        [0x03B9] = 'i', [0x039A] = 'k', [0x03BA] = 'k', [0x039C] = 'm', [0x039D] = 'n', [0x03BD] = 'v', [0x039F] = 'o',
        [0x03BF] = 'o', [0x03A1] = 'p', [0x03C1] = 'p', [0x03A4] = 't', [0x03A5] = 'y', [0x03C5] = 'u', [0x03A7] = 'x',
        [0x03C7] = 'x', [0x03F2] = 'c', [0x03F9] = 'c', [0x03F3] = 'j', [0x037F] = 'j',
        // Armenian and Latin look-alikes
        [0x0578] = 'n', [0x057D] = 'u', [0x0585] = 'o', [0x0251] = 'a', [0x0261] = 'g', [0x0131] = 'i', [0x0237] = 'j',
        [0x026A] = 'i', [0x1D00] = 'a', [0x1D04] = 'c', [0x1D0F] = 'o', [0x1D1C] = 'u', [0x1D20] = 'v', [0x1D21] = 'w',
        [0x1D22] = 'z',
    }.ToFrozenDictionary();

    /// <summary>
    /// Decodes the escapes a model (or a template) may wrap a value in: JSON and C-style (<c>\u0034</c>, <c>\u{34}</c>,
    /// <c>\x34</c>, <c>\n</c>, <c>\/</c>), HTML character references (<c>&amp;#52;</c>, <c>&amp;#x34;</c>, named ones such as
    /// <c>&amp;commat;</c>), URL percent-escapes (UTF-8), and, when <paramref name="stripTags"/>, HTML tags (each becomes a
    /// space, so <c>4111&lt;/b&gt; &lt;b&gt;1111</c> reads as two groups of one number).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="stripTags">Whether HTML tags are replaced by a space.</param>
    /// <returns>The decoded text; the same instance when there was nothing to decode.</returns>
    public static string Decode(string text, bool stripTags = true)
    {
        var current = text;
        for (var round = 0; round < DecodeRounds && current.AsSpan().IndexOfAny(_escapeStarts) >= 0; round++)
        {
            var next = DecodeOnce(current, stripTags);
            if (ReferenceEquals(next, current))
            {
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// The decoded forms of <paramref name="text"/> that differ from it: with HTML tags replaced by spaces (digits
    /// interleaved with markup), and with tags kept (values inside attributes, such as <c>href="mailto:…"</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>None, one or two texts.</returns>
    public static IReadOnlyList<string> DecodedForms(string text)
    {
        var stripped = Decode(text, stripTags: true);
        var kept = Decode(text, stripTags: false);
        var forms = new List<string>(2);
        if (!ReferenceEquals(stripped, text))
        {
            forms.Add(stripped);
        }

        if (!ReferenceEquals(kept, text) && !string.Equals(kept, stripped, StringComparison.Ordinal))
        {
            forms.Add(kept);
        }

        return forms;
    }

    /// <summary>
    /// The canonical text: footnote digits dropped, NFKC, invisible characters and combining marks dropped, decimal digits
    /// of every script as ASCII digits, spaces as <c>' '</c>, line and paragraph separators as <c>'\n'</c>, dashes as
    /// <c>'-'</c>, look-alike letters as their Latin letter, and lowercase. Escapes are not decoded (see <see cref="Decode"/>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The canonical text.</returns>
    public static string Prepare(string text)
    {
        var source = Normalize(DropFootnoteDigits(text));
        var result = new StringBuilder(source.Length);
        Span<char> buffer = stackalloc char[2];
        for (var i = 0; i < source.Length;)
        {
            if (Rune.DecodeFromUtf16(source.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
            {
                result.Append('\uFFFD');
                i += Math.Max(consumed, 1);
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark:
                    break;
                case UnicodeCategory.DecimalDigitNumber:
                    result.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(source, i)));
                    break;
                case UnicodeCategory.SpaceSeparator:
                    result.Append(' ');
                    break;
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    result.Append('\n');
                    break;
                case UnicodeCategory.DashPunctuation:
                    result.Append('-');
                    break;
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                    if (rune.Value >= 0x80 && _confusables.TryGetValue(rune.Value, out var latin))
                    {
                        result.Append(latin);
                    }
                    else
                    {
                        var lower = Rune.ToLowerInvariant(rune);
                        result.Append(buffer[..lower.EncodeToUtf16(buffer)]);
                    }

                    break;
                default:
                    result.Append(source, i, consumed);
                    break;
            }

            i += consumed;
        }

        return result.ToString();
    }

    /// <summary>NFKC, with unpaired surrogates (which <see cref="string.Normalize(NormalizationForm)"/> refuses) replaced first.</summary>
    private static string Normalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var repaired = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                repaired.Append(rune.ToString());
            }

            return repaired.ToString().Normalize(NormalizationForm.FormKC);
        }
    }

    // A superscript or subscript digit next to a number is a footnote mark or an exponent ("1111¹", "m²"), not a digit of
    // the value: runs of one or two become spaces. Longer runs are a number written small and stay (NFKC makes them digits).
    private static string DropFootnoteDigits(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u00B2', '\u00B9') < 0 && text.AsSpan().IndexOfAnyInRange('\u2070', '\u2089') < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length;)
        {
            if (!IsSmallDigit(chars[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < chars.Length && IsSmallDigit(chars[end]))
            {
                end++;
            }

            if (end - i <= 2)
            {
                chars.AsSpan(i, end - i).Fill(' ');
            }

            i = end;
        }

        return new string(chars);
    }

    private static bool IsSmallDigit(char c) => c is '\u00B2' or '\u00B3' or '\u00B9' or '\u2070' or (>= '\u2074' and <= '\u2079') or (>= '\u2080' and <= '\u2089');

    private static string DecodeOnce(string text, bool stripTags)
    {
        StringBuilder? result = null;
        var copied = 0;
        var changed = false;
        for (var i = 0; i < text.Length; i++)
        {
            var (replacement, length) = text[i] switch
            {
                '\\' => Backslash(text, i),
                '&' => Entity(text, i),
                '%' => Percent(text, i),
                '<' when stripTags => Tag(text, i),
                _ => (null, 0),
            };
            if (replacement is null)
            {
                continue;
            }

            // An escape kept as written (bytes that are not UTF-8) is skipped whole, so it is read once.
            changed |= !replacement.AsSpan().SequenceEqual(text.AsSpan(i, length));
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, i - copied).Append(replacement);
            i += length - 1;
            copied = i + 1;
        }

        return result is null || !changed ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static (string?, int) Backslash(string text, int at)
    {
        if (at + 1 >= text.Length)
        {
            return (null, 0);
        }

        switch (text[at + 1])
        {
            case 'u' when at + 2 < text.Length && text[at + 2] == '{':
                var close = text.IndexOf('}', at + 3, Math.Min(8, text.Length - at - 3));
                return close > at + 3 && Hex(text.AsSpan(at + 3, close - at - 3)) is { } braced && CodePoint(braced) is { } bracedText
                    ? (bracedText, close - at + 1)
                    : (null, 0);
            case 'u':
                return at + 6 <= text.Length && Hex(text.AsSpan(at + 2, 4)) is { } unit ? (((char)unit).ToString(), 6) : (null, 0);
            case 'x':
                return at + 4 <= text.Length && Hex(text.AsSpan(at + 2, 2)) is { } b ? (((char)b).ToString(), 4) : (null, 0);
            case 'n':
                return ("\n", 2);
            case 'r' or 't':
                return (" ", 2);
            case '/' or '"' or '\'' or '\\':
                return (text[at + 1].ToString(), 2);
            default:
                return (null, 0);
        }
    }

    private static (string?, int) Entity(string text, int at)
    {
        var i = at + 1;
        if (i < text.Length && text[i] == '#')
        {
            var hex = i + 1 < text.Length && text[i + 1] is 'x' or 'X';
            var start = hex ? i + 2 : i + 1;
            var end = start;
            while (end < text.Length && end - start < 8 && (hex ? char.IsAsciiHexDigit(text[end]) : char.IsAsciiDigit(text[end])))
            {
                end++;
            }

            if (end == start
                || !int.TryParse(text.AsSpan(start, end - start), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || CodePoint(value) is not { } decoded)
            {
                return (null, 0);
            }

            // The semicolon is optional for numeric references, as in HTML.
            var length = end - at + (end < text.Length && text[end] == ';' ? 1 : 0);
            return (decoded, length);
        }

        var nameEnd = i;
        while (nameEnd < text.Length && nameEnd - i < 32 && char.IsAsciiLetterOrDigit(text[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == i || nameEnd >= text.Length || text[nameEnd] != ';')
        {
            return (null, 0);
        }

        var name = text[i..nameEnd];
        if (_html5Entities.TryGetValue(name, out var named))
        {
            return (named, nameEnd - at + 1);
        }

        var entity = text[at..(nameEnd + 1)];
        var html4 = WebUtility.HtmlDecode(entity);
        return html4 == entity ? (null, 0) : (html4, entity.Length);
    }

    private static (string?, int) Percent(string text, int at)
    {
        var bytes = new List<byte>();
        var i = at;
        while (i + 3 <= text.Length && text[i] == '%' && Hex(text.AsSpan(i + 1, 2)) is { } value)
        {
            bytes.Add((byte)value);
            i += 3;
        }

        if (bytes.Count == 0)
        {
            return (null, 0);
        }

        try
        {
            return (_strictUtf8.GetString([.. bytes]), i - at);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8 (Latin-1, binary): decode only the ASCII escapes and keep the others as written.
            var mixed = new StringBuilder(i - at);
            for (var b = 0; b < bytes.Count; b++)
            {
                if (bytes[b] < 0x80)
                {
                    mixed.Append((char)bytes[b]);
                }
                else
                {
                    mixed.Append(text, at + (b * 3), 3);
                }
            }

            return (mixed.ToString(), i - at);
        }
    }

    // An HTML tag or comment: "<b>", "</td>", "<span class='x'>", "<!-- -->". The scan stops at the next '<', so text is
    // read at most twice however many '<' it has. "<https://...>" and "<host.example>" (autolinks) are not tags.
    private static (string?, int) Tag(string text, int at)
    {
        if (at + 1 >= text.Length)
        {
            return (null, 0);
        }

        var i = at + 1;
        if (i < text.Length && text[i] is '/' or '!')
        {
            i++;
        }

        var nameStart = i;
        while (i < text.Length && i - nameStart < 16 && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-'))
        {
            i++;
        }

        var comment = text[at + 1] == '!';
        var named = i > nameStart && char.IsAsciiLetter(text[nameStart]);
        if (!(comment || named) || i >= text.Length || !(comment || char.IsWhiteSpace(text[i]) || text[i] is '/' or '>'))
        {
            return (null, 0);
        }

        for (var end = i; end < text.Length && end - at < 512; end++)
        {
            if (text[end] == '>')
            {
                return (" ", end - at + 1);
            }

            if (text[end] == '<')
            {
                break;
            }
        }

        return (null, 0);
    }

    private static int? Hex(ReadOnlySpan<char> digits) =>
        digits.Length > 0 && int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? CodePoint(int value) =>
        value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(value) : null;
}
