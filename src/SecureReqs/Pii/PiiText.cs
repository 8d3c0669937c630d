using System.Globalization;

namespace SecureReqs;

/// <summary>
/// A shadow copy of a text with invisible characters removed and look-alike characters folded to ASCII, plus the map
/// from shadow offsets back to the original, so that detectors see <c>4111&#x200B;1111</c> or the decimal digits of any
/// script (Arabic-Indic, Devanagari, fullwidth, mathematical, …) as ASCII digits while findings keep the caller's offsets.
/// </summary>
internal sealed class PiiText
{
    private readonly int[]? _map;

    private PiiText(string original, string shadow, int[]? map)
    {
        Original = original;
        Shadow = shadow;
        _map = map;
    }

    public string Original { get; }

    public string Shadow { get; }

    public static PiiText Create(string text)
    {
        // Fast path: nothing to fold below U+00A0, which is almost all text; and most text in other scripts has no
        // character that folds (letters, CJK, punctuation), so it is checked before a copy and a map are built.
        return NeedsFolding(text) ? Build(text) : new PiiText(text, text, null);
    }

    /// <summary>Builds the shadow and its map character by character (the text itself when nothing folds).</summary>
    internal static PiiText Build(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var changed = false;
        for (var i = 0; i < text.Length; i++)
        {
            // A decimal digit outside the BMP (mathematical, Adlam, …) is a surrogate pair that folds to one character.
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                && CharUnicodeInfo.GetDecimalDigitValue(text, i) is var wide and >= 0)
            {
                builder.Append((char)('0' + wide));
                map.Add(i);
                changed = true;
                i++;
                continue;
            }

            var folded = Fold(text[i]);
            if (folded == '\0')
            {
                changed = true;
                continue;
            }

            changed |= folded != text[i];
            builder.Append(folded);
            map.Add(i);
        }

        if (!changed)
        {
            return new PiiText(text, text, null);
        }

        map.Add(text.Length);
        return new PiiText(text, builder.ToString(), [.. map]);
    }

    /// <summary>Whether some character of <paramref name="text"/> folds to another or is dropped (what <see cref="Create"/> would change).</summary>
    internal static bool NeedsFolding(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAnyInRange('\u00A0', '\uFFFF'); i >= 0;)
        {
            var c = text[i];
            if (Fold(c) != c
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && CharUnicodeInfo.GetDecimalDigitValue(text, i) >= 0))
            {
                return true;
            }

            var next = span[(i + 1)..].IndexOfAnyInRange('\u00A0', '\uFFFF');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    /// <summary>Maps a span of the shadow to the span of the original that holds the same characters.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (_map is null)
        {
            return (start, end);
        }

        if (end <= start)
        {
            return (_map[start], _map[start]);
        }

        var last = _map[end - 1];
        return (_map[start], last + (char.IsHighSurrogate(Original[last]) ? 2 : 1));
    }

    /// <summary>The value of a decimal digit of any script (Unicode category Nd) in the BMP, or -1.</summary>
    public static int DigitValue(char c) =>
        c is >= '0' and <= '9' ? c - '0' : c < '\u00A0' ? -1 : CharUnicodeInfo.GetDecimalDigitValue(c);

    /// <summary>Folds one character: '\0' drops it, otherwise the character detectors should see.</summary>
    private static char Fold(char c) => c switch
    {
        < '\u00A0' => c,
        // Zero-width and invisible formatting characters that are used to split digit runs.
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF' or '\u00AD' or '\u180E' => '\0',
        // Decimal digits of every script (Arabic-Indic, Devanagari, Thai, fullwidth, …): category Nd, not a script list.
        _ when CharUnicodeInfo.GetDecimalDigitValue(c) is var digit and >= 0 => (char)('0' + digit),
        // Fullwidth ASCII (letters, @, ., -).
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => ' ',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' => '-',
        _ => c,
    };
}
