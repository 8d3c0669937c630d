namespace SecureReqs;

/// <summary>
/// A key performance indicator: a rate over a population of case results. The rate is the share of the population
/// that <see cref="Counts"/> selects.
/// </summary>
public sealed class Kpi
{
    /// <summary>Creates a KPI.</summary>
    /// <param name="name">The business name, lowercase, as a story writes it.</param>
    /// <param name="definition">One plain sentence for product managers.</param>
    /// <param name="population">Which case results the rate is over.</param>
    /// <param name="counts">Which of them the rate counts.</param>
    /// <param name="higherIsBetter">Whether a higher rate is better.</param>
    /// <param name="aliases">Other names a story may use.</param>
    public Kpi(string name, string definition, Func<CaseResult, bool> population, Func<CaseResult, bool> counts, bool higherIsBetter, params string[] aliases)
    {
        Name = name;
        Definition = definition;
        Population = population;
        Counts = counts;
        HigherIsBetter = higherIsBetter;
        Aliases = aliases;
    }

    /// <summary>The business name.</summary>
    public string Name { get; }

    /// <summary>Other accepted names.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>One plain sentence for product managers.</summary>
    public string Definition { get; }

    /// <summary>Which case results the rate is over.</summary>
    public Func<CaseResult, bool> Population { get; }

    /// <summary>Which of them the rate counts.</summary>
    public Func<CaseResult, bool> Counts { get; }

    /// <summary>Whether a higher rate is better.</summary>
    public bool HigherIsBetter { get; }

    /// <summary>What a counted case is, in a few words that head a breakdown column: "redacted", "leaked",
    /// "reached its goal".</summary>
    /// <value>The default value is "counted by the " followed by the KPI's name.</value>
    public string CountedAs
    {
        get => field ?? "counted by the " + Name;
        init;
    }

    /// <summary>Measures the KPI over a run's cases.</summary>
    /// <param name="results">The case results.</param>
    /// <param name="seed">The seed of the samples of cases the measurement keeps.</param>
    /// <returns>The measurement.</returns>
    public KpiMeasurement Measure(IEnumerable<CaseResult> results, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(results);
        var tally = new KpiTally(this, seed);
        foreach (var result in results)
        {
            tally.Add(result);
        }

        return tally.Measurement();
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
