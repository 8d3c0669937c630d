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
    public override RequirementResult Evaluate(RunResult run, StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(run);
        var limit = Budget.TotalSeconds;
        var population = run.Cases.Where(c => c.Requests.Count > 0 || c.Outcome == Outcome.Errored).ToList();
        var slow = population.Where(c => c.Outcome == Outcome.Errored || c.Latency > Budget)
            .OrderBy(c => c.Outcome == Outcome.Errored ? 0 : 1).ThenByDescending(c => c.Latency).ThenBy(c => c.Instance.Index).ToList();
        var threshold = 1 - (Percentile / 100);
        var (k, n) = (slow.Count, population.Count);
        var bound = n == 0 ? double.NaN : ClopperPearson.Upper(k, n, Confidence);
        var rate = n == 0 ? double.NaN : (double)k / n;
        var verdict = n == 0 ? Verdict.Inconclusive : bound <= threshold ? Verdict.Pass : rate > threshold ? Verdict.Fail : Verdict.Inconclusive;
        var measured = n == 0 ? "n/a" : Seconds(PercentileOf(population, Percentile));
        var share = n == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{k} of {n} cases ({KpiRequirement.Percent(rate)}, {KpiRequirement.Percent(Confidence)} upper bound {KpiRequirement.Percent(bound)}) took longer than {limit:0.###} s");
        var slowest = slow.Count == 0 ? "" : " Slowest: " + string.Join(", ", slow.Take(10).Select(c => c.Outcome == Outcome.Errored ? $"{c.Id} (error)" : $"{c.Id} ({Seconds(c.Latency)})")) + (slow.Count > 10 ? $" and {slow.Count - 10} more." : ".");
        int? needed = verdict == Verdict.Inconclusive && n > 0 ? ClopperPearson.CasesNeededForAtMost(threshold, Confidence, k) : null;
        var message = verdict switch
        {
            Verdict.Pass => $"The {Name} is {measured}: {Statement} holds ({share}).",
            Verdict.Fail => string.Create(CultureInfo.InvariantCulture, $"Expected the {Name} to be at most {limit:0.###} s ({KpiRequirement.Percent(Confidence)} confidence), but it was {measured}: {share}; errors count as too slow.{slowest}"),
            _ when n == 0 => $"No case was answered, so nothing shows the {Statement}.",
            _ => $"The {Name} is {measured}, but {share}, which does not yet show the {Statement}: " + (needed is { } need ? $"the claim needs at least {need} cases. Add cases to the dataset.{slowest}" : $"no realistic number of cases can show it; relax the percentile or the confidence.{slowest}"),
        };
        return RequirementResult.Rate(
            Statement,
            string.Create(CultureInfo.InvariantCulture, $"cases slower than {limit:0.###} s"),
            k,
            n,
            bound,
            threshold,
            Comparison.AtMost,
            Confidence,
            verdict,
            message,
            [.. slow.OrderBy(c => c.Instance.Index)],
            needed);
    }

    // Nearest-rank percentile of case latencies; an errored case is slower than any answer.
    private static TimeSpan PercentileOf(IReadOnlyList<CaseResult> cases, double p)
    {
        var sorted = cases.Select(c => c.Outcome == Outcome.Errored ? TimeSpan.MaxValue : c.Latency).Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Seconds(TimeSpan latency) =>
        latency == TimeSpan.MaxValue ? "an error" : string.Create(CultureInfo.InvariantCulture, $"{latency.TotalSeconds:0.###} s");
}
