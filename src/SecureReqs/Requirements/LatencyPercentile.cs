using System.Globalization;

namespace SecureReqs;

/// <summary>
/// "the &lt;p&gt;th percentile latency is at most &lt;t&gt; seconds [with &lt;c&gt;% confidence]" (LLM10): a case's latency is
/// its slowest answered request (a replayed answer keeps its original latency), an errored case counts as too slow, and
/// the claim holds when the share of cases slower than the budget is at most 100 − p% at the story's confidence (an
/// exact upper bound, as for every KPI).
/// </summary>
public sealed class LatencyPercentile : RunRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="percentile">The percentile, in (0, 100).</param>
    /// <param name="budget">The latency budget.</param>
    /// <param name="confidence">The confidence, a fraction.</param>
    public LatencyPercentile(double percentile, TimeSpan budget, double confidence)
    {
        Percentile = percentile is > 0 and < 100 ? percentile : throw new ArgumentOutOfRangeException(nameof(percentile));
        Budget = budget > TimeSpan.Zero ? budget : throw new ArgumentOutOfRangeException(nameof(budget));
        Confidence = confidence;
    }

    /// <summary>The percentile, such as 95.</summary>
    public double Percentile { get; }

    /// <summary>The latency budget.</summary>
    public TimeSpan Budget { get; }

    /// <summary>The confidence, a fraction.</summary>
    public double Confidence { get; }

    private string Name => string.Create(CultureInfo.InvariantCulture, $"{Percentile:0.###}th percentile latency");

    /// <inheritdoc/>
    public override string Statement => string.Create(CultureInfo.InvariantCulture, $"{Name} at most {Budget.TotalSeconds:0.###} s ({KpiRequirement.Percent(Confidence)} confidence)");

    /// <summary>Parses the numbers as a story writes them.</summary>
    /// <param name="percentile">The percentile, such as "95".</param>
    /// <param name="seconds">The budget in seconds, such as "2" or "1.5".</param>
    /// <param name="confidence">The confidence percentage, or null for the default.</param>
    /// <param name="defaultConfidence">The default confidence.</param>
    /// <returns>The requirement.</returns>
    /// <exception cref="SecureReqsException">Malformed numbers.</exception>
    public static LatencyPercentile Parse(string percentile, string seconds, string? confidence, double defaultConfidence)
    {
        if (!double.TryParse(percentile, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p is <= 0 or >= 100 || double.IsNaN(p))
        {
            throw new SecureReqsException($"The percentile \"{percentile}\" must be a number between 0 and 100, such as 95 in 'the 95th percentile latency is at most 2 seconds'.");
        }

        if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) || limit <= 0 || double.IsInfinity(limit) || double.IsNaN(limit) || limit > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw new SecureReqsException($"The latency budget \"{seconds}\" seconds must be a positive number, such as 2 or 1.5.");
        }

        return new LatencyPercentile(p, TimeSpan.FromSeconds(limit), Percentages.Confidence(confidence, defaultConfidence));
    }

    /// <inheritdoc/>
    public override IEnumerable<string> Preflight(StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var threshold = 1 - (Percentile / 100);
        var needed = ClopperPearson.CasesNeededForAtMost(threshold, Confidence);
        if (facts.SendsCases && (needed is null || facts.Cases.Count < needed))
        {
            yield return needed is null
                ? $"No number of cases can show the {Statement}; relax the percentile or the confidence."
                : string.Create(CultureInfo.InvariantCulture, $"The story sends {facts.Cases.Count} cases, and even if every one is fast the {Statement} needs at least {needed} cases: add {needed - facts.Cases.Count} more to the dataset or relax the percentile.");
        }
    }

    /// <inheritdoc/>
    public override RunObserver Observe(StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new Observer(this, evidence.Seed);
    }

    /// <inheritdoc/>
    public override bool Shardable => true;

    // An errored case is slower than any answer.
    private static TimeSpan LatencyOf(CaseResult c) => c.Outcome == Outcome.Errored ? TimeSpan.MaxValue : c.Latency;

    private static string Seconds(TimeSpan latency) =>
        latency == TimeSpan.MaxValue ? "an error" : string.Create(CultureInfo.InvariantCulture, $"{latency.TotalSeconds:0.###} s");

    // Keeps every answered case's latency (8 bytes a case), the ten slowest, and a sample of the slow ones.
    private sealed class Observer(LatencyPercentile requirement, int seed) : RunObserver
    {
        private const int Listed = 10;
        private readonly List<TimeSpan> _latencies = [];
        private readonly CaseSample _slow = new(CaseSample.DefaultCapacity, seed);
        private readonly PriorityQueue<CaseResult, (TimeSpan Latency, int Index)> _slowest = new(Comparer<(TimeSpan Latency, int Index)>.Create((a, b) => a.Latency != b.Latency ? a.Latency.CompareTo(b.Latency) : b.Index.CompareTo(a.Index)));

        public override void Add(CaseResult c)
        {
            if (c.Requests.Count == 0 && c.Outcome != Outcome.Errored)
            {
                return;
            }

            var latency = LatencyOf(c);
            _latencies.Add(latency);
            if (latency <= requirement.Budget)
            {
                return;
            }

            _slow.Add(c);
            Slowest(c, latency);
        }

        public override System.Text.Json.Nodes.JsonObject Save() => new()
        {
            ["latencyTicks"] = ShardJson.Pack([.. _latencies.Select(l => l.Ticks)]),
            ["slow"] = _slow.Save(),
            ["slowest"] = new System.Text.Json.Nodes.JsonArray([.. _slowest.UnorderedItems.OrderBy(i => i.Element.Instance.Index).Select(i => (System.Text.Json.Nodes.JsonNode)ShardCases.Save(i.Element))]),
        };

        public override void Merge(System.Text.Json.Nodes.JsonObject state, ShardContext context)
        {
            _latencies.AddRange(ShardJson.Unpack(state, "latencyTicks").Select(TimeSpan.FromTicks));
            _slow.Merge(state["slow"], context);
            foreach (var item in ShardJson.List(state, "slowest", n => ShardCases.Load(n, context)))
            {
                Slowest(item.Case, LatencyOf(item.Case));
            }
        }

        private void Slowest(CaseResult c, TimeSpan latency)
        {
            var key = (latency, c.Instance.Index);
            if (_slowest.Count < Listed)
            {
                _slowest.Enqueue(c, key);
            }
            else
            {
                // The fastest of the ten slowest gives way to a slower case.
                _slowest.EnqueueDequeue(c, key);
            }
        }

        public override RequirementResult Finish(RunResult run, StoryEvidence evidence)
        {
            var (percentile, confidence, budget, statement, name) = (requirement.Percentile, requirement.Confidence, requirement.Budget, requirement.Statement, requirement.Name);
            var limit = budget.TotalSeconds;
            var threshold = 1 - (percentile / 100);
            var (k, n) = (_slow.Count, _latencies.Count);
            var bound = n == 0 ? double.NaN : ClopperPearson.Upper(k, n, confidence);
            var rate = n == 0 ? double.NaN : (double)k / n;
            var verdict = n == 0 ? Verdict.Inconclusive : bound <= threshold ? Verdict.Pass : rate > threshold ? Verdict.Fail : Verdict.Inconclusive;
            var measured = n == 0 ? "n/a" : Seconds(PercentileOf(_latencies, percentile));
            var share = n == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{k} of {n} cases ({KpiRequirement.Percent(rate)}, {KpiRequirement.Percent(confidence)} upper bound {KpiRequirement.Percent(bound)}) took longer than {limit:0.###} s");
            var slowest = _slowest.UnorderedItems.OrderByDescending(i => i.Priority.Latency).ThenBy(i => i.Priority.Index).Select(i => i.Element).ToList();
            var listed = slowest.Count == 0 ? "" : " Slowest: " + string.Join(", ", slowest.Select(c => c.Outcome == Outcome.Errored ? $"{c.Id} (error)" : $"{c.Id} ({Seconds(c.Latency)})")) + (k > Listed ? $" and {k - Listed} more." : ".");
            int? needed = verdict == Verdict.Inconclusive && n > 0 ? ClopperPearson.CasesNeededForAtMost(threshold, confidence, k) : null;
            var message = verdict switch
            {
                Verdict.Pass => $"The {name} is {measured}: {statement} holds ({share}).",
                Verdict.Fail => string.Create(CultureInfo.InvariantCulture, $"Expected the {name} to be at most {limit:0.###} s ({KpiRequirement.Percent(confidence)} confidence), but it was {measured}: {share}; errors count as too slow.{listed}"),
                _ when n == 0 => $"No case was answered, so nothing shows the {statement}.",
                _ => $"The {name} is {measured}, but {share}, which does not yet show the {statement}: " + (needed is { } need ? $"the claim needs at least {need} cases. Add cases to the dataset.{listed}" : $"no realistic number of cases can show it; relax the percentile or the confidence.{listed}"),
            };
            var against = _slow.Cases.Concat(slowest).DistinctBy(c => c.Instance.Index).OrderBy(c => c.Instance.Index).ToList();
            return RequirementResult.Rate(
                statement,
                string.Create(CultureInfo.InvariantCulture, $"cases slower than {limit:0.###} s"),
                k,
                n,
                bound,
                threshold,
                Comparison.AtMost,
                confidence,
                verdict,
                message,
                against,
                needed) with { AgainstCount = k };
        }

        // Nearest-rank percentile of case latencies.
        private static TimeSpan PercentileOf(List<TimeSpan> latencies, double p)
        {
            latencies.Sort();
            return latencies[Math.Clamp((int)Math.Ceiling(p / 100 * latencies.Count) - 1, 0, latencies.Count - 1)];
        }
    }
}
