namespace SecureReqs;

/// <summary>One requirement of a <see cref="ResultsStory"/>.</summary>
public sealed record ResultsRequirement
{
    /// <summary>The requirement in words.</summary>
    public required string Requirement { get; init; }

    /// <summary>The KPI or check.</summary>
    public required string Kpi { get; init; }

    /// <summary>At least or at most.</summary>
    public required Comparison Comparison { get; init; }

    /// <summary>The threshold, a fraction, or null.</summary>
    public double? Threshold { get; init; }

    /// <summary>The confidence, a fraction, or null for absolute checks.</summary>
    public double? Confidence { get; init; }

    /// <summary>The measured rate, or null when nothing was measured.</summary>
    public double? Measured { get; init; }

    /// <summary>The counted cases (k).</summary>
    public required int Count { get; init; }

    /// <summary>The population (n).</summary>
    public required int Total { get; init; }

    /// <summary>The confidence bound, or null.</summary>
    public double? Bound { get; init; }

    /// <summary>The verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The message for the product manager, or null.</summary>
    public string? Message { get; init; }

    /// <summary>For an inconclusive verdict, how many cases the claim needs; else null.</summary>
    public int? CasesNeeded { get; init; }

    /// <summary>A warning for the product manager, or null.</summary>
    public string? Warning { get; init; }

    /// <summary>The ids of the cases that stand against the requirement.</summary>
    public IReadOnlyList<string> AgainstCases { get; init; } = [];

    /// <summary>The result of this run as the file records it.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The requirement.</returns>
    public static ResultsRequirement From(RequirementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new()
        {
            Requirement = result.Requirement,
            Kpi = result.Kpi,
            Comparison = result.Comparison,
            Threshold = Finite(result.Threshold),
            Confidence = Finite(result.Confidence),
            Measured = Finite(result.Measured),
            Count = result.Count,
            Total = result.Total,
            Bound = Finite(result.Bound),
            Verdict = result.Verdict,
            Message = result.Message,
            CasesNeeded = result.CasesNeeded,
            Warning = result.Warning,
            AgainstCases = [.. result.AgainstCases.Select(c => c.Id)],
        };
    }

    /// <summary>The cases that stand against the requirement: failures for "at least", counted cases for "at most".</summary>
    public int Against => Comparison == Comparison.AtLeast ? Total - Count : Count;

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
