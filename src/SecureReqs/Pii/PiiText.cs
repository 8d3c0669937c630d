namespace SecureReqs;

/// <summary>
/// A shadow copy of a text with invisible characters removed and look-alike characters folded to ASCII, plus the map
/// from shadow offsets back to the original, so that detectors see <c>4111&#x200B;1111</c> or fullwidth digits as
/// plain digits while findings keep the caller's offsets.
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
        // Fast path: nothing to fold below U+00A0, which is almost all text.
        if (text.AsSpan().IndexOfAnyInRange('\u00A0', '\uFFFF') < 0)
        {
            return new PiiText(text, text, null);
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var changed = false;
        for (var i = 0; i < text.Length; i++)
        {
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

    /// <summary>Maps a span of the shadow to the span of the original that holds the same characters.</summary>
    public (int Start, int End) ToOriginal(int start, int end) =>
        _map is null ? (start, end) : (_map[start], end > start ? _map[end - 1] + 1 : _map[start]);

    /// <summary>The value of an ASCII or fullwidth decimal digit, or -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\uFF10' and <= '\uFF19' => c - '\uFF10',
        _ => -1,
    };

    /// <summary>Folds one character: '\0' drops it, otherwise the character detectors should see.</summary>
    private static char Fold(char c) => c switch
    {
        // Zero-width and invisible formatting characters that are used to split digit runs.
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF' or '\u00AD' or '\u180E' => '\0',
        // Fullwidth ASCII (digits, letters, @, ., -).
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => ' ',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' => '-',
        _ => c,
    };
}
