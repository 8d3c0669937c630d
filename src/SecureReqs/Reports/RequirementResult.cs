namespace SecureReqs;

/// <summary>One checked requirement of a story (a KPI threshold or an absolute check), as reports show it.</summary>
public sealed record RequirementResult
{
    /// <summary>The requirement as the story states it, such as "redaction rate at least 99% (95% confidence)".</summary>
    public required string Requirement { get; init; }

    /// <summary>The KPI or check name, such as "redaction rate" or "responses containing a payment card number".</summary>
    public required string Kpi { get; init; }

    /// <summary>The measured rate (NaN when nothing was measured).</summary>
    public required double Measured { get; init; }

    /// <summary>The counted cases (k).</summary>
    public required int Count { get; init; }

    /// <summary>The population (n).</summary>
    public required int Total { get; init; }

    /// <summary>The confidence bound on the constrained side, or NaN for absolute checks.</summary>
    public required double Bound { get; init; }

    /// <summary>The threshold, a fraction.</summary>
    public required double Threshold { get; init; }

    /// <summary>At least or at most.</summary>
    public required Comparison Comparison { get; init; }

    /// <summary>The confidence, a fraction, or NaN for absolute checks.</summary>
    public required double Confidence { get; init; }

    /// <summary>The verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The message for the product manager.</summary>
    public required string Message { get; init; }

    /// <summary>The cases that stand against the requirement: all of them, or a bounded, seeded sample when there are
    /// more than a report shows (<see cref="AgainstCount"/> says how many; results.ndjson holds every case).</summary>
    public IReadOnlyList<CaseResult> AgainstCases { get; init; } = [];

    /// <summary>How many cases stand against the requirement.</summary>
    /// <value>The default value is the number of <see cref="AgainstCases"/>.</value>
    public int AgainstCount
    {
        get => _againstCount ?? AgainstCases.Count;
        init => _againstCount = value;
    }

    private readonly int? _againstCount;

    /// <summary>For an inconclusive verdict: the cases the claim needs.</summary>
    public int? CasesNeeded { get; init; }

    /// <summary>A warning for the product manager, such as a dataset too small to ever show the claim; null when none.</summary>
    public string? Warning { get; init; }

    /// <summary>Whether the requirement could not be checked because the story is wrong (not because of what the target
    /// did): the story is then an error, not a failure.</summary>
    public bool Problem { get; init; }

    /// <summary>The counts per technique.</summary>
    public IReadOnlyList<KpiBreakdownRow> Breakdown { get; init; } = [];

    /// <summary>The counts per mutator.</summary>
    public IReadOnlyList<KpiBreakdownRow> MutatorBreakdown { get; init; } = [];

    /// <summary>Builds the result of a KPI assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The result.</returns>
    public static RequirementResult From(KpiAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Rate(
            $"{assessment.Requirement.Kpi.Name} {assessment.Requirement.Describe()}",
            assessment.Requirement.Kpi.Name,
            assessment.Measurement.Count,
            assessment.Measurement.Total,
            assessment.Bound,
            assessment.Requirement.Threshold,
            assessment.Requirement.Comparison,
            assessment.Requirement.Confidence,
            assessment.Verdict,
            assessment.Message,
            assessment.AgainstCases,
            assessment.CasesNeeded,
            measured: assessment.Measurement.Rate) with
        {
            AgainstCount = assessment.AgainstCount,
            Warning = assessment.Requirement.SampleSizeWarning(assessment.Measurement.Total),
            Breakdown = assessment.Measurement.Breakdown,
            MutatorBreakdown = assessment.Measurement.MutatorBreakdown,
        };
    }

    /// <summary>
    /// The result of a rate checked against a one-sided confidence bound (KPIs, latency percentiles, the poisoning rise):
    /// the one factory every bounded requirement builds its result with.
    /// </summary>
    /// <param name="requirement">The requirement as the story states it.</param>
    /// <param name="kpi">What was counted.</param>
    /// <param name="count">The counted cases (k).</param>
    /// <param name="total">The population (n).</param>
    /// <param name="bound">The bound on the constrained side.</param>
    /// <param name="threshold">The threshold, a fraction.</param>
    /// <param name="comparison">At least or at most.</param>
    /// <param name="confidence">The confidence, a fraction.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="message">The message for the product manager.</param>
    /// <param name="against">The cases that stand against the requirement.</param>
    /// <param name="casesNeeded">For an inconclusive verdict, the cases the claim needs.</param>
    /// <param name="measured">The measured value when it is not count / total (a difference of rates); NaN when nothing was measured.</param>
    /// <returns>The result.</returns>
    public static RequirementResult Rate(string requirement, string kpi, int count, int total, double bound, double threshold, Comparison comparison, double confidence, Verdict verdict, string message, IReadOnlyList<CaseResult> against, int? casesNeeded = null, double? measured = null) =>
        new()
        {
            Requirement = requirement,
            Kpi = kpi,
            Measured = measured ?? (total == 0 ? double.NaN : (double)count / total),
            Count = count,
            Total = total,
            Bound = bound,
            Threshold = threshold,
            Comparison = comparison,
            Confidence = confidence,
            Verdict = verdict,
            Message = message,
            AgainstCases = against,
            CasesNeeded = casesNeeded,
        };

    /// <summary>
    /// The result of an absolute check ("no response …", "every record …"): not a rate with a bound; a single offending
    /// case or record fails it.
    /// </summary>
    /// <param name="requirement">The requirement as the story states it.</param>
    /// <param name="kpi">What was counted.</param>
    /// <param name="count">How many offended.</param>
    /// <param name="total">Out of how many.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="message">The message for the product manager.</param>
    /// <param name="against">The offending cases, when they are cases.</param>
    /// <returns>The result.</returns>
    public static RequirementResult Absolute(string requirement, string kpi, int count, long total, Verdict verdict, string message, IReadOnlyList<CaseResult>? against = null) =>
        new()
        {
            Requirement = requirement,
            Kpi = kpi,
            Measured = total == 0 ? double.NaN : Math.Min(1.0, (double)count / total),
            Count = count,
            Total = (int)Math.Min(int.MaxValue, total),
            Bound = double.NaN,
            Threshold = 0,
            Comparison = Comparison.AtMost,
            Confidence = double.NaN,
            Verdict = verdict,
            Message = message,
            AgainstCases = against ?? [],
        };
}
