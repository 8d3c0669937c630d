namespace SecureReqs.Reqnroll;

/// <summary>
/// The driver behind the security steps: it parses what a step says into a declaration on the story's
/// <see cref="SecurityStory"/> (the engine), and at the end of the story runs it once and interprets the result.
/// Nothing is sent while steps are read, so every problem in a story is found before its first request.
/// </summary>
/// <remarks>One instance per scenario; not thread-safe.</remarks>
public sealed class SecurityStoryDriver
{
    private readonly SecureReqsSettings _settings;

    /// <summary>Creates the driver for one story.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="story">The story it declares on.</param>
    public SecurityStoryDriver(SecureReqsSettings settings, SecurityStory story)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Story = story ?? throw new ArgumentNullException(nameof(story));
    }

    /// <summary>The story (engine side).</summary>
    public SecurityStory Story { get; }

    /// <summary>The run, once the story ran.</summary>
    public RunResult? Run => Story.Record.Run;

    /// <summary>The target in use.</summary>
    public TargetDefinition? Target => Story.Target;

    /// <summary>Chooses the target (a host's override wins over the story's name).</summary>
    /// <param name="name">The name the story gives.</param>
    /// <exception cref="SecureReqsException">No target has that name.</exception>
    public void UseTarget(string name) => Story.Target = _settings.GetTarget(_settings.TargetOverride ?? name);

    /// <summary>Loads and verifies a dataset by name and adds its cases to the story.</summary>
    /// <param name="name">The dataset's name.</param>
    /// <param name="version">The version the story asks for, or null.</param>
    /// <exception cref="SecureReqsException">No such dataset, or it is malformed.</exception>
    public void UseDataset(string name, string? version = null) =>
        Story.AddDataset(new DatasetCatalog(_settings.DatasetsDirectory).Load(name, version));

    /// <summary>Adds mutated copies of every attack: "encoded as base64", "with homoglyphs and encoded as base64", "with every mutation".</summary>
    /// <param name="mutation">The text after "each attack is also sent".</param>
    /// <exception cref="SecureReqsException">An unknown mutation.</exception>
    public void AddMutation(string mutation) => Story.AddMutations(MutatorCatalog.Parse(mutation));

    /// <summary>Sends every case <paramref name="attempts"/> times; an attack succeeds if any attempt succeeds.</summary>
    /// <param name="attempts">Between 1 and 100.</param>
    /// <exception cref="SecureReqsException">Out of range.</exception>
    public void UseAttempts(int attempts) => Story.Attempts = attempts;

    /// <summary>Pursues every attack adaptively for up to <paramref name="turns"/> turns with the strategies named.</summary>
    /// <param name="turns">The most turns (1–20).</param>
    /// <param name="strategies">The text after "turns": empty, "by gradual escalation", "by refining a single prompt", "by a branching search", several joined by "and", or "by every strategy".</param>
    /// <exception cref="SecureReqsException">Out of range, or an unknown strategy.</exception>
    public void PursueAdaptively(int turns, string? strategies) => Story.PursueAdaptively(turns, AdaptiveStrategies.Parse(strategies));

    /// <summary>Chooses the attacker model (a target by name; the host's target override does not apply to it).</summary>
    /// <param name="name">The target's name.</param>
    /// <exception cref="SecureReqsException">No target has that name.</exception>
    public void UseAttacker(string name) => Story.Attacker = _settings.TargetsWithDefaults().Get(name);

    /// <summary>Replays the recorded run in <paramref name="path"/> (relative to the repository root).</summary>
    /// <param name="path">The recording's folder.</param>
    /// <exception cref="SecureReqsException">The folder does not exist.</exception>
    public void UseRecording(string path)
    {
        var folder = Path.GetFullPath(Path.Combine(_settings.RepositoryRoot ?? Directory.GetCurrentDirectory(), path));
        Story.Recording = Directory.Exists(folder)
            ? folder
            : throw new SecureReqsException($"No recorded answers at {folder}: name the response-cache folder of the run to replay, relative to the repository root (for example 'Given the answers recorded in \"recordings/release-1.4\"').");
    }

    /// <summary>Runs the cases as <paramref name="role"/> with <paramref name="clearance"/> (cases that name their own caller keep it).</summary>
    /// <param name="role">The role, as the target's tool policy names it.</param>
    /// <param name="clearance">The clearance: public, internal or confidential.</param>
    /// <exception cref="SecureReqsException">Unknown clearance.</exception>
    public void UseCaller(string role, string clearance) =>
        Story.Caller = Classification.IsKnown(clearance)
            ? new CallerIdentity(role, clearance)
            : throw SecureReqsException.Unknown("clearance", clearance, Classification.Levels, "Write for example 'Given the caller is a \"customer\" with \"public\" clearance'.");

    /// <summary>Makes the story a poisoning comparison (see <see cref="PoisoningRise"/>).</summary>
    public void AddPoisonedDocuments() => Story.Poisoning = true;

    /// <summary>Generates the synthetic customer records that fill <c>pii.*</c> placeholders.</summary>
    /// <param name="count">How many records.</param>
    /// <param name="seed">The seed, or null for the default.</param>
    /// <exception cref="SecureReqsException">The count is not positive.</exception>
    public void UseSyntheticRecords(int count, int? seed) => Story.UseSyntheticRecords(count, seed);

    /// <summary>Declares that the story sends its cases to the target (they are sent once every step is read).</summary>
    public void SendCases() => Story.SendsCases = true;

    /// <summary>Declares "the &lt;kpi&gt; is at least/at most &lt;p&gt;% [with &lt;c&gt;% confidence]".</summary>
    /// <param name="kpiName">The KPI's name.</param>
    /// <param name="comparison">At least or at most.</param>
    /// <param name="threshold">The threshold percentage as written.</param>
    /// <param name="confidence">The confidence percentage as written, or null.</param>
    /// <exception cref="SecureReqsException">Unknown KPI or malformed numbers.</exception>
    public void RequireKpi(string kpiName, Comparison comparison, string threshold, string? confidence) =>
        Story.Require(KpiThreshold.Parse(kpiName, comparison, threshold, confidence, _settings.DefaultConfidence));

    /// <summary>Declares "no response contains a &lt;pii type&gt;".</summary>
    /// <param name="piiType">The PII type's name.</param>
    /// <exception cref="SecureReqsException">Unknown PII type.</exception>
    public void RequireNoResponseContains(string piiType) => Story.Require(NoResponseContains.Parse(piiType));

    /// <summary>Declares "the system prompt is never revealed".</summary>
    public void RequireSystemPromptNeverRevealed() => Story.Require(new SystemPromptNeverRevealed());

    /// <summary>Declares "no response uses more than &lt;n&gt; tokens".</summary>
    /// <param name="maxTokens">The budget as written.</param>
    /// <exception cref="SecureReqsException">Not a positive whole number.</exception>
    public void RequireTokenBudget(string maxTokens) => Story.Require(TokenBudget.Parse(maxTokens));

    /// <summary>Declares "the &lt;p&gt;th percentile latency is at most &lt;t&gt; seconds".</summary>
    /// <param name="percentile">The percentile as written.</param>
    /// <param name="seconds">The budget in seconds as written.</param>
    /// <param name="confidence">The confidence percentage, or null.</param>
    /// <exception cref="SecureReqsException">Malformed numbers.</exception>
    public void RequireLatencyPercentile(string percentile, string seconds, string? confidence) =>
        Story.Require(LatencyPercentile.Parse(percentile, seconds, confidence, _settings.DefaultConfidence));

    /// <summary>Declares "no tool outside the &lt;scope&gt; scope is ever called".</summary>
    /// <param name="scope">The role.</param>
    public void RequireNoToolOutsideScope(string scope) => Story.Require(new NoToolOutsideScope(scope));

    /// <summary>Declares "tools needing approval are never called without it".</summary>
    public void RequireApprovalNeverBypassed() => Story.Require(new ApprovalNeverBypassed());

    /// <summary>Declares "no tool call carries data out".</summary>
    public void RequireNoExfiltration() => Story.Require(new NoExfiltration());

    /// <summary>Declares "no document above the user's clearance is retrieved".</summary>
    public void RequireNoDocumentAboveClearance() => Story.Require(new NoDocumentAboveClearance());

    /// <summary>Declares "no request to the model contains a &lt;pii type&gt;".</summary>
    /// <param name="piiType">The type as written.</param>
    /// <exception cref="SecureReqsException">Unknown type.</exception>
    public void RequireNoModelRequestContains(string piiType) => Story.Require(NoModelRequestContains.Parse(piiType));

    /// <summary>Declares "&lt;level&gt; fields reach the model only tokenized".</summary>
    /// <param name="level">The classification label as written.</param>
    /// <exception cref="SecureReqsException">Unknown label.</exception>
    public void RequireFieldsReachModelOnlyTokenized(string level) => Story.Require(new FieldsReachModelOnlyTokenized(level));

    /// <summary>Declares "poisoning raises the attack success rate by at most &lt;p&gt; points".</summary>
    /// <param name="points">The allowed rise as written.</param>
    /// <param name="confidence">The confidence percentage, or null.</param>
    /// <exception cref="SecureReqsException">Malformed numbers.</exception>
    public void RequirePoisoningRiseAtMost(string points, string? confidence) =>
        Story.Require(PoisoningRise.Parse(points, confidence, _settings.DefaultConfidence));

    /// <summary>Chooses the semantic judge the story's rules in plain words are judged by.</summary>
    /// <param name="name">The judge's name.</param>
    /// <exception cref="SecureReqsException">No such judge, its model target or calibration set is unknown, or the set holds no calibration items.</exception>
    public void UseSemanticJudge(string name)
    {
        var definition = _settings.SemanticJudgesWithDefaults().Get(name);
        var model = _settings.GetTarget(definition.Target);
        var calibration = new DatasetCatalog(_settings.DatasetsDirectory).Load(definition.Calibration);
        if (calibration.Calibration.Count == 0)
        {
            throw new SecureReqsException($"The semantic judge \"{definition.Name}\" is calibrated on the dataset \"{calibration.Name}\", which holds no calibration items: list a JSON Lines file of labelled answers in its manifest.json with \"kind\": \"calibration\" (see docs/judges.md).");
        }

        Story.Judge = new StoryJudge(definition, model, calibration);
    }

    /// <summary>Declares "at most &lt;p&gt;% of responses break the rule "&lt;rule&gt;"".</summary>
    /// <param name="threshold">The threshold percentage as written.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="confidence">The confidence percentage, or null.</param>
    /// <exception cref="SecureReqsException">Malformed numbers or rule.</exception>
    public void RequireRule(string threshold, string rule, string? confidence) =>
        Story.Require(RuleBreakRate.Parse(threshold, rule, confidence, _settings.DefaultConfidence));
}
