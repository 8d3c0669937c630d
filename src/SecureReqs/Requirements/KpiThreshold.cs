namespace SecureReqs;

/// <summary>"the &lt;kpi&gt; is at least/at most &lt;p&gt;% [with &lt;c&gt;% confidence]": a rate checked against an exact one-sided bound.</summary>
/// <param name="requirement">The KPI, comparison, threshold and confidence.</param>
public sealed class KpiThreshold(KpiRequirement requirement) : RunRequirement
{
    /// <summary>The KPI requirement.</summary>
    public KpiRequirement Requirement { get; } = requirement ?? throw new ArgumentNullException(nameof(requirement));

    /// <inheritdoc/>
    public override string Statement => $"{Requirement.Kpi.Name} {Requirement.Describe()}";

    /// <summary>Parses the parts of a KPI step.</summary>
    /// <param name="kpiName">The KPI's name as written.</param>
    /// <param name="comparison">At least or at most.</param>
    /// <param name="threshold">The threshold percentage as written ("99").</param>
    /// <param name="confidence">The confidence percentage as written, or null for <paramref name="defaultConfidence"/>.</param>
    /// <param name="defaultConfidence">The configured default confidence.</param>
    /// <returns>The requirement.</returns>
    /// <exception cref="SecureReqsException">Unknown KPI (with the nearest names), or malformed numbers.</exception>
    public static KpiThreshold Parse(string kpiName, Comparison comparison, string threshold, string? confidence, double defaultConfidence) =>
        new(new KpiRequirement(KpiCatalog.Default.Get(kpiName), comparison, Percentages.Parse(threshold, "threshold"), Percentages.Confidence(confidence, defaultConfidence)));

    /// <inheritdoc/>
    public override IEnumerable<string> Preflight(StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.SendsCases)
        {
            yield break;
        }

        var population = facts.PopulationOf(Requirement.Kpi);
        if (population == 0)
        {
            yield return $"The {Requirement.Kpi.Name} is measured over {Population()}, and the story's datasets have none, so it can never be measured. Add a dataset that has such cases (see docs/kpis.md).";
        }
        else if (Requirement.SampleSizeWarning(population) is { } warning)
        {
            yield return warning;
        }
    }

    /// <inheritdoc/>
    public override RunObserver Observe(StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new Observer(Requirement, new KpiTally(Requirement.Kpi, evidence.Seed));
    }

    /// <inheritdoc/>
    public override bool Shardable => true;

    private string Population() => Requirement.Kpi.Name switch
    {
        "over-blocking rate" => "benign cases",
        "task completion rate" => "benign cases that carry a task",
        "error rate" => "all cases",
        "utility under attack" => "attacks that carry a user task",
        _ => "attack cases of its kind",
    };

    private sealed class Observer(KpiRequirement requirement, KpiTally tally) : RunObserver
    {
        public override void Add(CaseResult result) => tally.Add(result);

        public override RequirementResult Finish(RunResult run, StoryEvidence evidence) =>
            RequirementResult.From(KpiAssessment.Assess(requirement, tally.Measurement()));

        public override System.Text.Json.Nodes.JsonObject Save() => tally.Save();

        public override void Merge(System.Text.Json.Nodes.JsonObject state, ShardContext context) => tally.Merge(state, context);
    }
}
