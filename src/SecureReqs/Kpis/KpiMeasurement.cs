namespace SecureReqs;

/// <summary>A measured KPI: k of n.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Count">How many cases the KPI counts (k).</param>
/// <param name="Total">How many cases are in its population (n).</param>
/// <param name="Counted">The counted cases: their count per outcome and a bounded sample.</param>
/// <param name="NotCounted">The population's other cases: their count per outcome and a bounded sample.</param>
/// <param name="Breakdown">The counts per technique.</param>
public sealed record KpiMeasurement(Kpi Kpi, int Count, int Total, CaseSample Counted, CaseSample NotCounted, IReadOnlyList<KpiBreakdownRow> Breakdown)
{
    /// <summary>The counts per mutator (<c>none</c> for the cases as written).</summary>
    public IReadOnlyList<KpiBreakdownRow> MutatorBreakdown { get; init; } = [];

    /// <summary>The rate k / n, or NaN when n is 0.</summary>
    public double Rate => Total == 0 ? double.NaN : (double)Count / Total;
}
