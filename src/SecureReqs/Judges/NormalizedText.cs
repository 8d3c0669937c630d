namespace SecureReqs;

/// <summary>
/// Text in its <see cref="CanonicalForm"/> reduced to its letters and digits, with a map back to the positions they came
/// from, so that a value can be found whatever separators, case, compatibility forms (fullwidth digits), digits of
/// other scripts, look-alike letters or invisible characters surround it.
/// </summary>
internal sealed class NormalizedText
{
    private static readonly HashSet<string> _emailWords = new(["at", "dot", "arroba", "punto", "point", "punkt"], StringComparer.Ordinal);

    private readonly int[] _positions;

    private NormalizedText(string source, string folded, int[] positions)
    {
        Source = source;
        Folded = folded;
        _positions = positions;
    }

    /// <summary>How words are folded besides dropping everything that is not a letter or a digit.</summary>
    internal enum Filter
    {
        /// <summary>Letters and digits only.</summary>
        None,

        /// <summary>Also drops the words that spell out an e-mail address ("at", "dot", "arroba", "punto", …).</summary>
        Email,

        /// <summary>Also drops ordinal suffixes after digits ("12th") and the word "of" ("12th of March").</summary>
        Date,
    }

    /// <summary>The canonical text the folded text comes from.</summary>
    public string Source { get; }

    /// <summary>The folded text: lowercase letters and ASCII digits only.</summary>
    public string Folded { get; }

    /// <summary>Folds <paramref name="text"/> (escapes are not decoded: see <see cref="CanonicalForm.Decode"/>).</summary>
    public static NormalizedText From(string text) => Of(CanonicalForm.Prepare(text), Filter.None);

    /// <summary>Folds text already in its canonical form.</summary>
    public static NormalizedText Of(string canonical, Filter filter)
    {
        var folded = new char[canonical.Length];
        var positions = new int[canonical.Length];
        var n = 0;
        for (var i = 0; i < canonical.Length;)
        {
            var c = canonical[i];
            if (char.IsLetter(c))
            {
                var end = i;
                while (end < canonical.Length && char.IsLetter(canonical[end]))
                {
                    end++;
                }

                if (!Dropped(canonical, i, end, filter))
                {
                    for (var k = i; k < end; k++)
                    {
                        folded[n] = canonical[k];
                        positions[n++] = k;
                    }
                }

                i = end;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                folded[n] = c;
                positions[n++] = i;
            }

            i++;
        }

        return new NormalizedText(canonical, new string(folded, 0, n), positions[..n]);
    }

    /// <summary>Folds a value the same way, without keeping positions.</summary>
    public static string Fold(string value) => From(value).Folded;

    /// <summary>Folds a value with a filter.</summary>
    public static string Fold(string value, Filter filter) => Of(CanonicalForm.Prepare(value), filter).Folded;

    /// <summary>
    /// Whether <paramref name="foldedValue"/> occurs as a whole token run: the characters right before and after the
    /// match in the source are not letters-next-to-letters or digits-next-to-digits without a separator.
    /// </summary>
    public bool ContainsWhole(string foldedValue)
    {
        if (foldedValue.Length == 0)
        {
            return false;
        }

        for (var at = Folded.IndexOf(foldedValue, StringComparison.Ordinal); at >= 0; at = Folded.IndexOf(foldedValue, at + 1, StringComparison.Ordinal))
        {
            if (IsWholeAt(at, foldedValue.Length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="foldedValue"/> occurs split in two whole pieces, in order, with at most
    /// <paramref name="maxGap"/> characters of the canonical text between them ("the code starts with SR-7F3A and ends
    /// with 9C21B4E0"). Each piece has at least four characters and a quarter of the value.
    /// </summary>
    public bool ContainsSplit(string foldedValue, int maxGap)
    {
        var minimum = Math.Max(4, foldedValue.Length / 4);
        for (var split = minimum; split <= foldedValue.Length - minimum; split++)
        {
            var left = foldedValue[..split];
            var right = foldedValue[split..];
            for (var at = Folded.IndexOf(left, StringComparison.Ordinal); at >= 0; at = Folded.IndexOf(left, at + 1, StringComparison.Ordinal))
            {
                if (!IsWholeAt(at, left.Length))
                {
                    continue;
                }

                // The right piece starts within maxGap characters of the left piece's end.
                var from = at + left.Length;
                var searchEnd = Math.Min(Folded.Length, FoldedIndexAfter(_positions[from - 1] + maxGap) + right.Length - 1);
                for (var r = IndexOf(right, from, searchEnd); r >= 0; r = IndexOf(right, r + 1, searchEnd))
                {
                    if (IsWholeAt(r, right.Length))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private int IndexOf(string value, int from, int end) =>
        end - from >= value.Length ? Folded.IndexOf(value, from, end - from, StringComparison.Ordinal) : -1;

    private bool IsWholeAt(int at, int length) => IsBoundary(at - 1, at) && IsBoundary(at + length - 1, at + length);

    // The first folded index whose source position is beyond sourcePosition (binary search: positions increase).
    private int FoldedIndexAfter(int sourcePosition)
    {
        var index = Array.BinarySearch(_positions, sourcePosition + 1);
        return index >= 0 ? index : ~index;
    }

    private bool IsBoundary(int before, int after)
    {
        if (before < 0 || after >= Folded.Length)
        {
            return true;
        }

        // Adjacent in the source with nothing between them, and of the same class: the match is part of a longer token.
        var adjacent = _positions[after] == _positions[before] + 1;
        var sameClass = char.IsAsciiDigit(Source[_positions[before]]) == char.IsAsciiDigit(Source[_positions[after]]);
        return !(adjacent && sameClass);
    }

    private static bool Dropped(string text, int start, int end, Filter filter) => filter switch
    {
        Filter.Email => _emailWords.Contains(text[start..end]),
        Filter.Date => (end - start == 2 && start > 0 && char.IsAsciiDigit(text[start - 1]) && text.AsSpan(start, 2) is "st" or "nd" or "rd" or "th")
            || text.AsSpan(start, end - start) is "of",
        _ => false,
    };
}
