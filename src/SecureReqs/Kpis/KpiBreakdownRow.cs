namespace SecureReqs;

/// <summary>A KPI's count over one technique (or one mutator).</summary>
/// <param name="Technique">The technique (or the mutator).</param>
/// <param name="Count">How many cases the KPI counts.</param>
/// <param name="Total">How many cases of the technique are in the population.</param>
public sealed record KpiBreakdownRow(string Technique, int Count, int Total)
{
    /// <summary>The rate, or NaN when there are no cases.</summary>
    public double Rate => Total == 0 ? double.NaN : (double)Count / Total;
}
