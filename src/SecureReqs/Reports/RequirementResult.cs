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

    /// <summary>The cases that stand against the requirement.</summary>
    public IReadOnlyList<CaseResult> AgainstCases { get; init; } = [];

    /// <summary>For an inconclusive verdict: the cases the claim needs.</summary>
    public int? CasesNeeded { get; init; }

    /// <summary>A warning for the product manager, such as a dataset too small to ever show the claim; null when none.</summary>
    public string? Warning { get; init; }

    /// <summary>The counts per technique.</summary>
    public IReadOnlyList<KpiBreakdownRow> Breakdown { get; init; } = [];

    /// <summary>The counts per mutator.</summary>
    public IReadOnlyList<KpiBreakdownRow> MutatorBreakdown { get; init; } = [];

    /// <summary>Builds the result of a KPI assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The result.</returns>
    public static RequirementResult From(KpiAssessment assessment) => new()
    {
        Requirement = $"{assessment.Requirement.Kpi.Name} {assessment.Requirement.Describe()}",
        Kpi = assessment.Requirement.Kpi.Name,
        Measured = assessment.Measurement.Rate,
        Count = assessment.Measurement.Count,
        Total = assessment.Measurement.Total,
        Bound = assessment.Bound,
        Threshold = assessment.Requirement.Threshold,
        Comparison = assessment.Requirement.Comparison,
        Confidence = assessment.Requirement.Confidence,
        Verdict = assessment.Verdict,
        Message = assessment.Message,
        AgainstCases = assessment.AgainstCases,
        CasesNeeded = assessment.CasesNeeded,
        Warning = assessment.Requirement.SampleSizeWarning(assessment.Measurement.Total),
        Breakdown = assessment.Measurement.Breakdown,
        MutatorBreakdown = assessment.Measurement.MutatorBreakdown,
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
