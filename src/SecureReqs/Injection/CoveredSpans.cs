namespace SecureReqs;

/// <summary>
/// Answers "does the text already hold evidence of this family, at least as heavy, overlapping this span?" for the
/// evidence a variant reading adds, in O(log n) a question: per family and per distinct weight, the spans of at least that
/// weight sorted by start with the running maximum of their ends. A span [s, e) overlaps one of them exactly when, among
/// those that start before e, the largest end is after s. Families have a handful of distinct weights, so building it is
/// O(n log n) (the pairwise check it replaces grew with the product of old and new evidence).
/// </summary>
internal sealed class CoveredSpans
{
    private readonly Dictionary<string, Level[]> _levels = new(StringComparer.Ordinal);

    /// <summary>Indexes the first <paramref name="count"/> signals.</summary>
    /// <param name="signals">The signals.</param>
    /// <param name="count">How many of them, from the start, are the existing evidence.</param>
    public CoveredSpans(List<InjectionSignal> signals, int count)
    {
        foreach (var family in signals.Take(count).GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            var spans = family.ToArray();
            _levels[family.Key] = [.. spans.Select(s => s.Weight).Distinct().Order().Select(weight => Level.Of(weight, spans))];
        }
    }

    /// <summary>Whether existing evidence of <paramref name="signal"/>'s family, of at least its weight, overlaps it.</summary>
    /// <param name="signal">The new evidence.</param>
    /// <returns>True when it is already covered.</returns>
    public bool Covers(InjectionSignal signal)
    {
        if (!_levels.TryGetValue(signal.Name, out var levels))
        {
            return false;
        }

        // The lightest level that is at least as heavy as the signal holds every span that could cover it.
        var lo = 0;
        var hi = levels.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (levels[mid].Weight >= signal.Weight)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo < levels.Length && levels[lo].Overlaps(signal.Start, signal.End);
    }

    private sealed class Level(double weight, int[] starts, int[] maxEnds)
    {
        public double Weight { get; } = weight;

        public static Level Of(double weight, InjectionSignal[] spans)
        {
            var heavy = spans.Where(s => s.Weight >= weight).OrderBy(s => s.Start).ToArray();
            var starts = new int[heavy.Length];
            var maxEnds = new int[heavy.Length];
            var max = int.MinValue;
            for (var i = 0; i < heavy.Length; i++)
            {
                starts[i] = heavy[i].Start;
                maxEnds[i] = max = Math.Max(max, heavy[i].End);
            }

            return new Level(weight, starts, maxEnds);
        }

        // Whether a span [start, end) overlaps one of the level's spans: e.Start < end and start < e.End.
        public bool Overlaps(int start, int end)
        {
            // How many spans start before end.
            var lo = 0;
            var hi = starts.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (starts[mid] < end)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo > 0 && maxEnds[lo - 1] > start;
        }
    }
}
