using System.Globalization;

namespace SecureReqs;

/// <summary>A story's requirement on a KPI: "the redaction rate is at least 99% with 95% confidence".</summary>
public sealed record KpiRequirement
{
    /// <summary>Creates and validates a requirement.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="comparison">At least or at most.</param>
    /// <param name="threshold">The threshold as a fraction in [0, 1].</param>
    /// <param name="confidence">The confidence as a fraction in [0.5, 1).</param>
    /// <exception cref="SecureReqsException">The threshold or confidence is out of range.</exception>
    public KpiRequirement(Kpi kpi, Comparison comparison, double threshold, double confidence)
    {
        if (double.IsNaN(threshold) || threshold is < 0 or > 1)
        {
            throw new SecureReqsException($"The threshold {Percent(threshold)} for the {kpi.Name} is outside 0–100%. Write a percentage such as 99%.");
        }

        if (double.IsNaN(confidence) || confidence is < 0.5 or >= 1)
        {
            throw new SecureReqsException($"The confidence {Percent(confidence)} for the {kpi.Name} must be at least 50% and below 100%, such as 95%.");
        }

        Kpi = kpi;
        Comparison = comparison;
        Threshold = threshold;
        Confidence = confidence;
    }

    /// <summary>The KPI.</summary>
    public Kpi Kpi { get; }

    /// <summary>At least or at most.</summary>
    public Comparison Comparison { get; }

    /// <summary>The threshold, a fraction.</summary>
    public double Threshold { get; }

    /// <summary>The confidence, a fraction.</summary>
    public double Confidence { get; }

    /// <summary>
    /// The fewest cases that can show the requirement even with a perfect result (no failures for "at least", no counted
    /// case for "at most"): 299 for "at least 99% (95% confidence)"; null when no number of cases can show it.
    /// </summary>
    public int? MinimumCases => Comparison == Comparison.AtLeast
        ? ClopperPearson.CasesNeededForAtLeast(Threshold, Confidence)
        : ClopperPearson.CasesNeededForAtMost(Threshold, Confidence);

    /// <summary>
    /// A warning when <paramref name="population"/> cases can never show the requirement, whatever the target does;
    /// null when they can.
    /// </summary>
    /// <param name="population">How many cases the KPI is measured over.</param>
    /// <returns>The warning, or null.</returns>
    public string? SampleSizeWarning(int population)
    {
        var minimum = MinimumCases;
        if (minimum is null)
        {
            return $"No number of cases can show the {Kpi.Name} {Describe()}: an exact confidence bound never reaches {Percent(Threshold)}. Relax the threshold.";
        }

        return population < minimum
            ? string.Create(CultureInfo.InvariantCulture, $"The dataset is too small to ever show the {Kpi.Name} {Describe()}: the KPI is measured over {population} cases, and even a perfect result needs at least {minimum}. Add {minimum - population} more case{(minimum - population == 1 ? "" : "s")} to the dataset or relax the requirement (see 'securereqs plan').")
            : null;
    }

    /// <summary>The requirement in words: "at least 99% (95% confidence)".</summary>
    public string Describe() =>
        $"{(Comparison == Comparison.AtLeast ? "at least" : "at most")} {Percent(Threshold)} ({Percent(Confidence)} confidence)";

    /// <summary>Formats a fraction as a percentage with up to two decimals: 0.99 → "99%", 0.9731 → "97.31%".</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(double fraction) =>
        double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
