namespace SecureReqs;

/// <summary>What is known of a story before any request: its target and the cases it will send.</summary>
/// <param name="Target">The target, or null when the story names none (or an unknown one).</param>
/// <param name="Cases">The planned cases (with mutations), empty when the story sends none.</param>
/// <param name="SendsCases">Whether the story sends its cases to the target.</param>
public sealed record StoryFacts(TargetDefinition? Target, IReadOnlyList<CaseInstance> Cases, bool SendsCases)
{
    /// <summary>Whether the story compares a run with poisoned documents against one without.</summary>
    public bool Poisoning { get; init; }

    /// <summary>The caller every case runs as unless it names its own.</summary>
    public CallerIdentity Caller { get; init; } = CallerIdentity.Default;

    /// <summary>The semantic judge the story chose, or null.</summary>
    public StoryJudge? Judge { get; init; }

    /// <summary>The planned cases as written, without filling their placeholders (cheap): what KPI populations and
    /// request counts are planned on.</summary>
    public IEnumerable<CaseInstance> Written => Cases is IPlannedCases lazy ? Enumerable.Range(0, Cases.Count).Select(lazy.Planned) : Cases;

    /// <summary>Whether the story reads a training dataset.</summary>
    public bool HasTrainingDataset { get; init; }

    /// <summary>
    /// The planned population of a KPI: the cases it would be measured over if every case were answered. The outcome
    /// does not decide any KPI's population, so this is exact.
    /// </summary>
    /// <param name="kpi">The KPI.</param>
    /// <returns>The number of cases.</returns>
    public int PopulationOf(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        CountPopulations([kpi]);
        lock (_populations)
        {
            return _populations[kpi];
        }
    }

    /// <summary>
    /// Counts the planned populations of several KPIs in one pass over the cases (a story of a million cases is walked
    /// once, not once per KPI); <see cref="PopulationOf"/> then answers from the count.
    /// </summary>
    /// <param name="kpis">The KPIs.</param>
    public void CountPopulations(IEnumerable<Kpi> kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        lock (_populations)
        {
            if (!ReferenceEquals(_countedFor, Cases))
            {
                // A copy made with 'with' shares this cache: it holds only for the cases it was counted on.
                _populations.Clear();
                _countedFor = Cases;
            }

            var missing = kpis.Distinct().Where(k => !_populations.ContainsKey(k)).ToArray();
            if (missing.Length == 0)
            {
                return;
            }

            var counts = new int[missing.Length];
            foreach (var instance in Written)
            {
                var planned = Planned(instance);
                for (var i = 0; i < missing.Length; i++)
                {
                    if (missing[i].Population(planned))
                    {
                        counts[i]++;
                    }
                }
            }

            for (var i = 0; i < missing.Length; i++)
            {
                _populations[missing[i]] = counts[i];
            }
        }
    }

    private readonly Dictionary<Kpi, int> _populations = [];
    private IReadOnlyList<CaseInstance>? _countedFor;

    /// <summary>A case as its result would look before judging: what KPI populations select on (kind, oracle, whether it carries a task).</summary>
    /// <param name="instance">The case.</param>
    /// <returns>A placeholder result.</returns>
    public CaseResult Planned(CaseInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new CaseResult
        {
            Instance = instance,
            Outcome = Outcome.Resisted,
            Caller = instance.Case.Caller ?? Caller,
            TaskCompleted = instance.Case.TaskTools.Count == 0 ? null : false,
        };
    }
}
