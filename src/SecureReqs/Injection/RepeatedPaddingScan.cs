using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// Finds one short token repeated 30 times or more, as the pattern
/// <c>(?&lt;unit&gt;(?![-=_*#.~ ]+\s)\S{1,6}(?:\s\S{1,6}){0,2}?)\s+(?:\k&lt;unit&gt;\s+){29,}</c> did, in time linear in the text.
/// </summary>
/// <remarks>
/// The unit is one to three words of at most six non-space characters with one white-space character between them; its
/// first word may end a longer token. It is tried with one word first, then two, then three, at each start from the
/// left; it must be followed by white space, and so must each of its 29 or more repeats; the match runs to the end of
/// the white space after the last repeat. A unit that is all rule characters (<c>-=_*#.~</c>) is not padding.
/// </remarks>
internal static class RepeatedPaddingScan
{
    private const int Repeats = 29;

    /// <summary>The runs, left to right.</summary>
    /// <param name="text">The raw text.</param>
    /// <returns>The matches.</returns>
    public static IEnumerable<Match> Matches(string text)
    {
        // Tokens: maximal runs of non-white-space, with the white space between them.
        var starts = new List<int>();
        var ends = new List<int>();
        for (var i = 0; i < text.Length;)
        {
            while (i < text.Length && LinearRegex.IsSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            starts.Add(i);
            while (i < text.Length && !LinearRegex.IsSpace(text[i]))
            {
                i++;
            }

            ends.Add(i);
        }

        var from = 0;
        for (var t = 0; t < starts.Count; t++)
        {
            // The unit's first word is a suffix of token t of at most six characters.
            for (var p = Math.Max(Math.Max(starts[t], ends[t] - 6), from); p < ends[t]; p++)
            {
                if (IsRule(text, p, ends[t]))
                {
                    continue;
                }

                for (var words = 1; words <= 3; words++)
                {
                    var end = Match(text, starts, ends, t, p, words);
                    if (end > 0)
                    {
                        yield return LinearRegex.Span(text, p, end - p);
                        from = end;
                        while (t < starts.Count && starts[t] < end)
                        {
                            t++;
                        }

                        t--;
                        goto next;
                    }
                }
            }

        next:;
        }
    }

    // (?![-=_*#.~ ]+\s) at p, where the word runs to the end of its token: true when every character to the end is a rule character.
    private static bool IsRule(string text, int p, int tokenEnd)
    {
        for (var i = p; i < tokenEnd; i++)
        {
            if (text[i] is not ('-' or '=' or '_' or '*' or '#' or '.' or '~' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    // The end of the match for a unit of `words` words starting at p in token t, or 0.
    private static int Match(string text, List<int> starts, List<int> ends, int t, int p, int words)
    {
        if (t + words > starts.Count)
        {
            return 0;
        }

        // Words after the first are whole tokens of at most six characters, one white-space character apart.
        for (var w = 1; w < words; w++)
        {
            if (starts[t + w] - ends[t + w - 1] != 1 || ends[t + w] - starts[t + w] > 6)
            {
                return 0;
            }
        }

        var last = t + words - 1;
        if (ends[last] == text.Length)
        {
            return 0;
        }

        var unit = text.AsSpan(p, ends[last] - p);
        var count = 0;
        var next = last + 1;
        while (next + words - 1 < starts.Count)
        {
            var repeatEnd = ends[next + words - 1];
            if (repeatEnd == text.Length || !text.AsSpan(starts[next], repeatEnd - starts[next]).SequenceEqual(unit))
            {
                break;
            }

            count++;
            next += words;
        }

        if (count < Repeats)
        {
            return 0;
        }

        // Through the white space after the last repeat.
        var end = ends[next - 1];
        while (end < text.Length && LinearRegex.IsSpace(text[end]))
        {
            end++;
        }

        return end;
    }
}
