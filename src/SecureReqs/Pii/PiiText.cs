using System.Buffers;
using System.Globalization;

namespace SecureReqs;

/// <summary>
/// A shadow copy of a text with invisible characters removed and look-alike characters folded to ASCII, plus the map
/// from shadow offsets back to the original, so that detectors see <c>4111&#x200B;1111</c> or the decimal digits of any
/// script (Arabic-Indic, Devanagari, fullwidth, mathematical, …) as ASCII digits while findings keep the caller's offsets.
/// </summary>
internal sealed class PiiText
{
    // Where shadow offsets part from the original's: from shadow offset _shiftAt[k] on, an offset maps to itself plus
    // _shiftBy[k] (a dropped character or a folded surrogate pair before it), until the next shift. Null when nothing
    // folds (the shadow is the original). A text that folds without shifting gets empty arrays, on purpose: that sends
    // it through ToOriginal's surrogate-pair rule, as every folded text went before the map was made sparse.
    private readonly int[]? _shiftAt;
    private readonly int[]? _shiftBy;

    private PiiText(string original, string shadow, int[]? shiftAt = null, int[]? shiftBy = null)
    {
        Original = original;
        Shadow = shadow;
        (_shiftAt, _shiftBy) = (shiftAt, shiftBy);
    }

    public string Original { get; }

    public string Shadow { get; }

    public static PiiText Create(string text)
    {
        // Fast path: nothing to fold below U+00A0, which is almost all text; and most text in other scripts has no
        // character that folds (letters, CJK, punctuation), so it is checked before a copy and a map are built.
        return NeedsFolding(text) ? Build(text) : new PiiText(text, text);
    }

    /// <summary>Builds the shadow and its map (the text itself when nothing folds).</summary>
    /// <remarks>
    /// Characters below U+00A0 fold to themselves, so they are copied a run at a time; the map back to the original is
    /// kept as the few offsets where the two part (a dropped character, a surrogate pair folded to one digit), not as an
    /// offset per character: the shadow is the only copy of the text.
    /// </remarks>
    internal static PiiText Build(string text)
    {
        var span = text.AsSpan();
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            List<(int At, int By)>? shifts = null;
            int n = 0, by = 0;
            var changed = false;
            for (var i = 0; i < text.Length;)
            {
                var next = span[i..].IndexOfAnyInRange('\u00A0', '\uFFFF');
                var stop = next < 0 ? text.Length : i + next;
                span[i..stop].CopyTo(buffer.AsSpan(n));
                n += stop - i;
                i = stop;
                if (i == text.Length)
                {
                    break;
                }

                // A decimal digit outside the BMP (mathematical, Adlam, …) is a surrogate pair that folds to one character.
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    && CharUnicodeInfo.GetDecimalDigitValue(text, i) is var wide and >= 0)
                {
                    buffer[n++] = (char)('0' + wide);
                    i += 2;
                    Shift(ref shifts, n, ++by);
                    changed = true;
                    continue;
                }

                var folded = Fold(text[i]);
                if (folded == '\0')
                {
                    i++;
                    Shift(ref shifts, n, ++by);
                    changed = true;
                    continue;
                }

                changed |= folded != text[i];
                buffer[n++] = folded;
                i++;
            }

            // A folded text always maps back through ToOriginal's full path (which also keeps a surrogate pair whole).
            return !changed ? new PiiText(text, text)
                : new PiiText(text, new string(buffer, 0, n), [.. (shifts ?? []).Select(s => s.At)], [.. (shifts ?? []).Select(s => s.By)]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        // From shadow offset at on, offsets map to themselves plus by (several drops in a row make one shift).
        static void Shift(ref List<(int At, int By)>? shifts, int at, int by)
        {
            shifts ??= [];
            if (shifts.Count > 0 && shifts[^1].At == at)
            {
                shifts[^1] = (at, by);
            }
            else
            {
                shifts.Add((at, by));
            }
        }
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
        if (_shiftAt is null)
        {
            return (start, end);
        }

        if (end <= start)
        {
            var at = Map(start);
            return (at, at);
        }

        var last = Map(end - 1);
        return (Map(start), last + (char.IsHighSurrogate(Original[last]) ? 2 : 1));
    }

    // The original offset of a shadow offset (the shadow's length maps to the original's).
    private int Map(int offset)
    {
        var k = Array.BinarySearch(_shiftAt!, offset);
        k = k >= 0 ? k : ~k - 1;
        return offset + (k >= 0 ? _shiftBy![k] : 0);
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
