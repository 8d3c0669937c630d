using System.Text;

namespace SecureReqs;

/// <summary>
/// The digits of an answer in <see cref="CanonicalForm"/>, as runs, so that a number is found however it is grouped,
/// spread over lines or split across sentences, and a partly masked number can say how many of its digits it shows.
/// </summary>
/// <remarks>
/// <para>
/// A run is digits with nothing but markdown emphasis between them (<c>4111`**`1111</c> is one run), or an English
/// digit word (<c>four</c>; <c>double one</c> is two digits). Between two runs lies a gap, classified as: inside a number
/// (at most six characters of spaces and at most two of <c>- . / | ( ) +</c>, not a sentence end), a line break inside a
/// number (line breaks, list bullets, code fences, table bars; at most sixteen characters), a list (one comma or
/// semicolon), or a split (anything else up to <see cref="MaxSplitGap"/> characters: words, sentences).
/// </para>
/// <para>
/// A value is <see cref="Contains(string)">contained</see> when its digits are the digits of runs that follow each
/// other, each run whole, with every gap at most <see cref="MaxSplitGap"/> characters; runs of at most two digits in
/// all may be skipped between two pieces (list numbers: "1. 4111 1111 2. 1111 1111"); and across a split or a skip both
/// pieces have at least two digits. Everything is linear in the answer: each run is compared with at most as many
/// partial matches as the value has digits.
/// </para>
/// </remarks>
internal sealed class DigitRuns
{
    /// <summary>The most characters between two pieces of one value ("the first eight digits are …, and the last eight are …").</summary>
    public const int MaxSplitGap = 160;

    private static readonly string[] _digitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private readonly string _source;
    private readonly Run[] _runs;
    private readonly bool[] _joinedToNext;

    private DigitRuns(string source, Run[] runs)
    {
        _source = source;
        _runs = runs;
        _joinedToNext = new bool[runs.Length];
        for (var k = 0; k + 1 < runs.Length; k++)
        {
            _joinedToNext[k] = Classify(runs[k].End, runs[k + 1].Start) is Gap.Number or Gap.Line;
        }
    }

    private enum Gap
    {
        Number,
        Line,
        List,
        Split,
        Far,
    }

    /// <summary>Reads the runs of a canonical text.</summary>
    /// <param name="canonical">Text in <see cref="CanonicalForm"/> (ASCII digits, lowercase).</param>
    /// <returns>The runs.</returns>
    public static DigitRuns Of(string canonical)
    {
        var runs = new List<Run>();
        var digits = new StringBuilder();
        for (var i = 0; i < canonical.Length;)
        {
            var c = canonical[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Clear();
                var start = i;
                var end = i;
                var j = i;
                while (j < canonical.Length)
                {
                    if (char.IsAsciiDigit(canonical[j]))
                    {
                        digits.Append(canonical[j]);
                        end = ++j;
                        continue;
                    }

                    var k = j;
                    while (k < canonical.Length && IsEmphasis(canonical[k]))
                    {
                        k++;
                    }

                    if (k == j || k >= canonical.Length || !char.IsAsciiDigit(canonical[k]))
                    {
                        break;
                    }

                    j = k;
                }

                runs.Add(new Run(digits.ToString(), start, end));
                i = end;
                continue;
            }

            if (char.IsLetter(c))
            {
                var start = i;
                while (i < canonical.Length && char.IsLetter(canonical[i]))
                {
                    i++;
                }

                var word = canonical.AsSpan(start, i - start);
                if (DigitWord(word) is var value and >= 0)
                {
                    runs.Add(new Run(((char)('0' + value)).ToString(), start, i));
                }
                else if (word is "double" or "triple" && NextWord(canonical, i) is { } next && DigitWord(next.Word) is var repeated and >= 0)
                {
                    runs.Add(new Run(new string((char)('0' + repeated), word is "double" ? 2 : 3), start, next.End));
                    i = next.End;
                }

                continue;
            }

            i++;
        }

        return new DigitRuns(canonical, [.. runs]);
    }

    /// <summary>Whether the digits of <paramref name="digits"/> appear as described in the remarks.</summary>
    /// <param name="digits">The value's digits (ASCII).</param>
    /// <returns>True when they do.</returns>
    public bool Contains(string digits)
    {
        if (digits.Length == 0)
        {
            return false;
        }

        var ends = Chains(digits, backward: false, wholeNumbers: false);
        return ends.Any(e => e == digits.Length);
    }

    /// <summary>
    /// How many digits of <paramref name="digits"/> the answer shows without masking: the longest prefix of the value
    /// that is a whole number, plus the longest suffix that is a later whole number within <see cref="MaxSplitGap"/>
    /// characters ("the card starts with 4012 8888 and ends in 1881" shows 12). A prefix that continues into other digits
    /// ("4111 1111 1111 1129" against 4111 1111 1111 1111) is another number and shows nothing; so is one joined to
    /// other digits by a comma ("$4,111.11").
    /// </summary>
    /// <param name="digits">The value's digits.</param>
    /// <returns>The number of digits shown, at most the value's length.</returns>
    public int Revealed(string digits)
    {
        if (digits.Length == 0 || _runs.Length == 0)
        {
            return 0;
        }

        var prefix = Chains(digits, backward: false, wholeNumbers: true);
        var suffix = Chains(digits, backward: true, wholeNumbers: true);
        var best = 0;
        for (var k = 0; k < _runs.Length; k++)
        {
            best = Math.Max(best, Math.Max(prefix[k], suffix[k]));
            if (suffix[k] == 0)
            {
                continue;
            }

            for (var before = k - 1; before >= 0 && _runs[k].Start - _runs[before].End <= MaxSplitGap; before--)
            {
                best = Math.Max(best, Math.Min(digits.Length, prefix[before] + suffix[k]));
            }
        }

        return best;
    }

    /// <summary>
    /// How many digits of <paramref name="digits"/> a masked rendering shows: a sequence of digits and mask characters
    /// (<c>*</c>, <c>•</c>, <c>●</c>, <c>#</c>, <c>■</c>, <c>█</c>, words of <c>x</c>) in groups, aligned with the value's
    /// first or last digit, whose shown digits all agree with the value (<c>4111 11** **** 1111</c> shows 10). A
    /// markdown <c>**</c> around the rendering is tried both as emphasis and as mask.
    /// </summary>
    /// <param name="digits">The value's digits.</param>
    /// <returns>The most digits a masked rendering of the value shows; 0 when there is none.</returns>
    public int RevealedMasked(string digits)
    {
        var best = 0;
        var slots = new StringBuilder();
        for (var i = 0; i < _source.Length;)
        {
            if (!IsSlot(_source, i, out _))
            {
                i++;
                continue;
            }

            slots.Clear();
            var j = ReadSlots(i, slots);
            var rendering = slots.ToString();
            if (rendering.Contains('*', StringComparison.Ordinal) && rendering.Any(char.IsAsciiDigit))
            {
                best = Math.Max(best, Shown(rendering, digits));
            }

            i = Math.Max(j, i + 1);
        }

        return best;
    }

    private static int Shown(string rendering, string digits)
    {
        var best = 0;
        var start = rendering.StartsWith("**", StringComparison.Ordinal) ? 2 : 0;
        var end = rendering.EndsWith("**", StringComparison.Ordinal) && rendering.Length - 2 > start ? rendering.Length - 2 : rendering.Length;
        foreach (var (from, to) in new[] { (0, rendering.Length), (start, rendering.Length), (0, end), (start, end) })
        {
            var candidate = rendering.AsSpan(from, to - from);
            best = Math.Max(best, Math.Max(Aligned(candidate, digits, 0), Aligned(candidate, digits, digits.Length - candidate.Length)));
        }

        return best;
    }

    // Slot i of the rendering stands for digit i + offset of the value; a shown digit outside the value or different
    // from it makes the alignment wrong.
    private static int Aligned(ReadOnlySpan<char> rendering, string digits, int offset)
    {
        var shown = 0;
        for (var i = 0; i < rendering.Length; i++)
        {
            if (rendering[i] == '*')
            {
                continue;
            }

            var at = i + offset;
            if (at < 0 || at >= digits.Length || digits[at] != rendering[i])
            {
                return 0;
            }

            shown++;
        }

        return shown;
    }

    // Reads groups of slots separated by at most three characters of spaces with at most one of - . / | (no line break).
    private int ReadSlots(int i, StringBuilder slots)
    {
        var j = i;
        while (true)
        {
            while (j < _source.Length)
            {
                if (IsSlot(_source, j, out var length))
                {
                    slots.Append(char.IsAsciiDigit(_source[j]) ? _source[j] : '*', char.IsAsciiDigit(_source[j]) ? 1 : length);
                    j += length;
                }
                else if (_source[j] is '`' or '_' or '~')
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            var gap = j;
            var marks = 0;
            while (gap < _source.Length && gap - j < 3 && _source[gap] is ' ' or '-' or '.' or '/' or '|')
            {
                marks += _source[gap] == ' ' ? 0 : 1;
                gap++;
            }

            if (gap == j || marks > 1 || !IsSlot(_source, gap, out _))
            {
                return j;
            }

            j = gap;
        }
    }

    // A digit, a mask character, or a word made only of x (lowercase in canonical text): "XXXX-XXXX-XXXX-1111".
    private static bool IsSlot(string text, int i, out int length)
    {
        length = 1;
        if (i >= text.Length)
        {
            return false;
        }

        var c = text[i];
        if (char.IsAsciiDigit(c) || c is '*' or '•' or '●' or '#' or '■' or '█' or '∗')
        {
            return true;
        }

        if (c != 'x' || (i > 0 && char.IsLetter(text[i - 1])))
        {
            return false;
        }

        var end = i;
        while (end < text.Length && text[end] == 'x')
        {
            end++;
        }

        length = end - i;
        return end >= text.Length || !char.IsLetter(text[end]);
    }

    // For each run, the longest prefix of the value (or suffix, backward) matched by a chain of runs that ends there
    // (starts there, backward). With wholeNumbers, the chain is one number: its runs are joined as inside a number, and
    // it counts only when it begins a number and ends one.
    private int[] Chains(string digits, bool backward, bool wholeNumbers)
    {
        var best = new int[_runs.Length];
        var stateRun = new int[digits.Length + 1];
        var stateLast = new int[digits.Length + 1];
        Array.Fill(stateRun, -1);
        var active = new List<int>();
        var pending = new List<(int Covered, int Last)>();
        for (var t = 0; t < _runs.Length; t++)
        {
            var k = backward ? _runs.Length - 1 - t : t;
            var run = _runs[k].Digits;
            pending.Clear();
            if (Matches(digits, 0, run, backward) && (!wholeNumbers || (backward ? !_joinedToNext[k] : !JoinedToPrevious(k))))
            {
                pending.Add((run.Length, run.Length));
            }

            for (var a = active.Count - 1; a >= 0; a--)
            {
                var covered = active[a];
                var previous = stateRun[covered];
                if (Distance(previous, k) > MaxSplitGap)
                {
                    stateRun[covered] = -1;
                    active.RemoveAt(a);
                }
                else if (Matches(digits, covered, run, backward) && (wholeNumbers ? Joined(previous, k) : Linkable(previous, k, stateLast[covered])))
                {
                    pending.Add((covered + run.Length, run.Length));
                }
            }

            foreach (var (covered, last) in pending)
            {
                if (!wholeNumbers || (backward ? !JoinedToPrevious(k) : !_joinedToNext[k]))
                {
                    best[k] = Math.Max(best[k], covered);
                }

                if (covered < digits.Length)
                {
                    if (stateRun[covered] < 0)
                    {
                        active.Add(covered);
                    }

                    stateRun[covered] = k;
                    stateLast[covered] = last;
                }
            }
        }

        return best;
    }

    private bool JoinedToPrevious(int k) => k > 0 && _joinedToNext[k - 1];

    private bool Joined(int a, int b) => Math.Abs(a - b) == 1 && _joinedToNext[Math.Min(a, b)];

    private int Distance(int a, int b) => a < b ? _runs[b].Start - _runs[a].End : _runs[a].Start - _runs[b].End;

    // Whether the value's digits from `covered` on begin with the run's digits (backward: end with them, read from the end).
    private static bool Matches(string digits, int covered, string run, bool backward)
    {
        if (covered + run.Length > digits.Length)
        {
            return false;
        }

        for (var m = 0; m < run.Length; m++)
        {
            var expected = backward ? digits[digits.Length - 1 - (covered + m)] : digits[covered + m];
            if (expected != (backward ? run[run.Length - 1 - m] : run[m]))
            {
                return false;
            }
        }

        return true;
    }

    private bool Linkable(int a, int b, int lastPiece)
    {
        var (first, second) = a < b ? (a, b) : (b, a);
        var skipped = 0;
        for (var k = first + 1; k < second && skipped <= 2; k++)
        {
            skipped += _runs[k].Digits.Length;
        }

        if (skipped > 2)
        {
            return false;
        }

        var gap = skipped > 0 ? Gap.Split : Classify(_runs[first].End, _runs[second].Start);
        return gap switch
        {
            Gap.Number or Gap.Line or Gap.List => true,
            Gap.Split => lastPiece >= 2 && _runs[b].Digits.Length >= 2,
            _ => false,
        };
    }

    private Gap Classify(int from, int to)
    {
        if (to - from > MaxSplitGap)
        {
            return Gap.Far;
        }

        bool lineBreak = false, sentenceEnd = false;
        int marks = 0, separators = 0;
        for (var i = from; i < to; i++)
        {
            var c = _source[i];
            if (c is '\n' or '\r')
            {
                lineBreak = true;
            }
            else if (c is ' ' or '\t' || IsEmphasis(c))
            {
                continue;
            }
            else if (c is ',' or ';' or '،' or '、' or '؛')
            {
                separators++;
            }
            else if (c is '-' or '.' or '/' or '|' or '(' or ')' or '+' or '·' or '>' or '•')
            {
                marks++;
                sentenceEnd |= c == '.' && i + 1 < to && char.IsWhiteSpace(_source[i + 1]) && (i == from || !char.IsWhiteSpace(_source[i - 1]));
            }
            else
            {
                return Gap.Split;
            }
        }

        var length = to - from;
        if (separators > 0)
        {
            return separators == 1 && marks == 0 && !lineBreak && length <= 4 ? Gap.List : Gap.Split;
        }

        if (lineBreak)
        {
            return length <= 16 && !sentenceEnd ? Gap.Line : Gap.Split;
        }

        return marks <= 2 && length <= 6 && !sentenceEnd ? Gap.Number : Gap.Split;
    }

    private static bool IsEmphasis(char c) => c is '*' or '_' or '`' or '~';

    private static int DigitWord(ReadOnlySpan<char> word)
    {
        for (var d = 0; d < _digitWords.Length; d++)
        {
            if (word.SequenceEqual(_digitWords[d]))
            {
                return d;
            }
        }

        return -1;
    }

    private static (string Word, int End)? NextWord(string text, int from)
    {
        var start = from < text.Length && text[from] is ' ' or '-' ? from + 1 : from;
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > start ? (text[start..end], end) : null;
    }

    private readonly record struct Run(string Digits, int Start, int End);
}
