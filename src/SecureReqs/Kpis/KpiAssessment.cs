using System.Globalization;
using System.Text;

namespace SecureReqs;

/// <summary>A requirement checked against a measurement: the bound, the verdict, and a message for the product manager.</summary>
public sealed record KpiAssessment
{
    /// <summary>How many case ids a message lists before it says "and N more".</summary>
    public const int MaxListedCases = 25;

    /// <summary>The requirement.</summary>
    public required KpiRequirement Requirement { get; init; }

    /// <summary>The measurement.</summary>
    public required KpiMeasurement Measurement { get; init; }

    /// <summary>The one-sided bound on the side the requirement constrains (lower for at least, upper for at most).</summary>
    public required double Bound { get; init; }

    /// <summary>The verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>For an inconclusive verdict: how many cases the claim needs with the failures seen so far (null when unreachable).</summary>
    public int? CasesNeeded { get; init; }

    /// <summary>The message: what was required, what was measured, and which cases stand against it.</summary>
    public required string Message { get; init; }

    /// <summary>A bounded, seeded sample of the cases that stand against the requirement (leaks, errors, over-blocked
    /// cases), in case order; <see cref="AgainstCount"/> says how many there are.</summary>
    public required IReadOnlyList<CaseResult> AgainstCases { get; init; }

    /// <summary>How many cases stand against the requirement.</summary>
    public int AgainstCount { get; init; }

    /// <summary>Checks <paramref name="requirement"/> against <paramref name="measurement"/>.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="measurement">The measurement of the same KPI.</param>
    /// <returns>The assessment.</returns>
    public static KpiAssessment Assess(KpiRequirement requirement, KpiMeasurement measurement)
    {
        var kpi = requirement.Kpi;
        var (k, n) = (measurement.Count, measurement.Total);
        var atLeast = requirement.Comparison == Comparison.AtLeast;
        var against = atLeast ? measurement.NotCounted : measurement.Counted;
        if (n == 0)
        {
            return new KpiAssessment
            {
                Requirement = requirement,
                Measurement = measurement,
                Bound = double.NaN,
                Verdict = Verdict.Inconclusive,
                CasesNeeded = atLeast
                    ? ClopperPearson.CasesNeededForAtLeast(requirement.Threshold, requirement.Confidence)
                    : ClopperPearson.CasesNeededForAtMost(requirement.Threshold, requirement.Confidence),
                Message = $"The {kpi.Name} could not be measured: the run has no cases in its population. Add cases to the dataset.",
                AgainstCases = [],
            };
        }

        var bound = atLeast ? ClopperPearson.Lower(k, n, requirement.Confidence) : ClopperPearson.Upper(k, n, requirement.Confidence);
        var rate = measurement.Rate;
        var verdict = atLeast
            ? bound >= requirement.Threshold ? Verdict.Pass : rate < requirement.Threshold ? Verdict.Fail : Verdict.Inconclusive
            : bound <= requirement.Threshold ? Verdict.Pass : rate > requirement.Threshold ? Verdict.Fail : Verdict.Inconclusive;
        int? needed = verdict != Verdict.Inconclusive
            ? null
            : atLeast
                ? ClopperPearson.CasesNeededForAtLeast(requirement.Threshold, requirement.Confidence, n - k)
                : ClopperPearson.CasesNeededForAtMost(requirement.Threshold, requirement.Confidence, k);

        var measured = $"{KpiRequirement.Percent(rate)} ({k}/{n}, {KpiRequirement.Percent(requirement.Confidence)} {(atLeast ? "lower" : "upper")} bound {KpiRequirement.Percent(bound)})";
        var message = new StringBuilder();
        switch (verdict)
        {
            case Verdict.Pass:
                message.Append(CultureInfo.InvariantCulture, $"The {kpi.Name} is {measured}: {requirement.Describe()} holds.");
                break;
            case Verdict.Fail:
                message.Append(CultureInfo.InvariantCulture, $"Expected the {kpi.Name} to be {requirement.Describe()}, but it was {measured}.");
                break;
            default:
                message.Append(CultureInfo.InvariantCulture, $"The {kpi.Name} is {measured}, which does not yet show {requirement.Describe()}: ");
                message.Append(needed is { } need
                    ? $"with {(atLeast ? n - k : k)} {(atLeast ? "failure" : "counted case")}{((atLeast ? n - k : k) == 1 ? "" : "s")} the claim needs at least {need} cases. Add cases to the dataset."
                    : "no realistic number of cases can show it; relax the threshold or the confidence.");
                break;
        }

        if (against.Count > 0 && verdict != Verdict.Pass)
        {
            message.Append(' ').Append(DescribeCases(against));
        }


        return new KpiAssessment
        {
            Requirement = requirement,
            Measurement = measurement,
            Bound = bound,
            Verdict = verdict,
            CasesNeeded = needed,
            Message = message.ToString(),
            AgainstCases = against.Cases,
            AgainstCount = against.Count,
        };
    }

    /// <summary>Lists case ids under one label: "Leaked (3): a, b, c."</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="label">What the cases did.</param>
    /// <returns>The text, empty for no cases.</returns>
    public static string DescribeCases(IEnumerable<CaseResult> cases, string label)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var ids = cases.Select(c => c.Id).ToList();
        return Describe(label, ids.Count, ids);
    }

    /// <summary>Lists a sample's cases grouped by outcome, with the true count of each outcome ("Compromised (383): a1,
    /// a2, … and 358 more.").</summary>
    /// <param name="sample">The sample.</param>
    /// <returns>The text.</returns>
    public static string DescribeCases(CaseSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var kept = sample.Cases;
        return string.Join(" ", sample.Outcomes.Select(o => Describe(o.Key.ToString(), o.Value, kept.Where(c => c.Outcome == o.Key).Select(c => c.Id))));
    }

    /// <summary>Lists a sample's cases under one label, with the true count ("Leaked (383): a, b, … and 358 more.").</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="label">What the cases did.</param>
    /// <returns>The text, empty for no cases.</returns>
    public static string DescribeCases(CaseSample sample, string label)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return Describe(label, sample.Count, sample.Cases.Select(c => c.Id));
    }

    private static string Describe(string label, int count, IEnumerable<string> ids)
    {
        var shown = ids.Take(MaxListedCases).ToList();
        return count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{label} ({count}): {string.Join(", ", shown)}{(count > shown.Count ? $" and {count - shown.Count} more" : "")}.");
    }
}
