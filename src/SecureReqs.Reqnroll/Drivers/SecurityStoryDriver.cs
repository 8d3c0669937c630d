using System.Globalization;

namespace SecureReqs.Reqnroll;

/// <summary>
/// The driver behind the security steps: it holds one scenario's target, dataset, records and run, and checks the
/// scenario's requirements. Plain C#: usable without Reqnroll, and unit-tested on its own.
/// </summary>
/// <remarks>One instance per scenario; not thread-safe.</remarks>
public sealed class SecurityStoryDriver
{
    private readonly SecureReqsSettings _settings;
    private readonly StoryRecord _record;
    private readonly List<Dataset> _datasets = [];
    private readonly List<IReadOnlyList<Mutator>> _mutations = [];
    private TargetDefinition? _target;
    private IReadOnlyList<SyntheticCustomer>? _records;
    private int? _seed;
    private int _attempts = 1;

    /// <summary>Creates the driver for one story.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="record">Where the story's run and requirements are recorded.</param>
    public SecurityStoryDriver(SecureReqsSettings settings, StoryRecord record)
    {
        _settings = settings;
        _record = record;
    }

    /// <summary>The run, once the cases were sent.</summary>
    public RunResult? Run => _record.Run;

    /// <summary>The target in use.</summary>
    public TargetDefinition? Target => _target;

    /// <summary>Chooses the target (a host's override wins over the story's name).</summary>
    /// <param name="name">The name the story gives.</param>
    /// <exception cref="SecureReqsException">No target has that name.</exception>
    public void UseTarget(string name) => _target = _settings.TargetsWithDefaults().Get(_settings.TargetOverride ?? name);

    /// <summary>Loads and verifies a dataset by name and adds its cases to the story's run.</summary>
    /// <param name="name">The dataset's name.</param>
    /// <param name="version">The version the story asks for, or null.</param>
    /// <exception cref="SecureReqsException">No such dataset, or it is malformed.</exception>
    public void UseDataset(string name, string? version = null) =>
        _datasets.Add(new DatasetCatalog(_settings.DatasetsDirectory).Load(name, version));

    /// <summary>Adds mutated copies of every attack: "encoded as base64", "with homoglyphs and encoded as base64", "with every mutation".</summary>
    /// <param name="mutation">The text after "each attack is also sent".</param>
    /// <exception cref="SecureReqsException">An unknown mutation.</exception>
    public void AddMutation(string mutation) => _mutations.AddRange(MutatorCatalog.Parse(mutation));

    /// <summary>Sends every case <paramref name="attempts"/> times; an attack succeeds if any attempt succeeds.</summary>
    /// <param name="attempts">How many attempts, 1 to 100.</param>
    /// <exception cref="SecureReqsException">Out of range.</exception>
    public void UseAttempts(int attempts)
    {
        if (attempts is < 1 or > 100)
        {
            throw new SecureReqsException($"Each case must be attempted between 1 and 100 times, not {attempts}. Write for example 'Given each case is attempted 3 times'.");
        }

        _attempts = attempts;
    }

    /// <summary>Generates the synthetic customer records that fill <c>pii.*</c> placeholders.</summary>
    /// <param name="count">How many records.</param>
    /// <param name="seed">The seed, or null for the default.</param>
    /// <exception cref="SecureReqsException">The count is not positive.</exception>
    public void UseSyntheticRecords(int count, int? seed)
    {
        if (count < 1)
        {
            throw new SecureReqsException($"The number of synthetic customer records must be at least 1, not {count}.");
        }

        _seed = seed ?? _settings.DefaultSeed;
        _records = SyntheticCustomers.Generate(count, _seed.Value);
    }

    /// <summary>Sends every case of the dataset to the target and judges the answers.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task.</returns>
    /// <exception cref="SecureReqsException">The story has no target or no dataset yet.</exception>
    public async Task SendCasesAsync(CancellationToken cancellationToken = default)
    {
        var target = _target ?? throw new SecureReqsException("No target chosen: add a step 'Given the target \"<name>\"' before 'When the cases are sent to the target'.");
        if (_datasets.Count == 0)
        {
            throw new SecureReqsException("No dataset chosen: add a step 'Given the adversarial dataset \"<name>\"' before 'When the cases are sent to the target'.");
        }

        var seed = _seed ?? _settings.DefaultSeed;
        var written = _datasets.SelectMany(d => d.Cases).ToList();
        var records = _records ?? SyntheticCustomers.Generate(Math.Max(1, written.Count), seed);
        var cases = CaseInstantiator.Instantiate(written, records, seed);
        if (_mutations.Count > 0)
        {
            var (expanded, expansion) = MutatorCatalog.Expand(cases, _mutations, _settings.MaxMutatedCases, seed);
            cases = expanded;
            _record.Notes.Add(expansion.Describe());
        }

        var options = new SecurityRunOptions
        {
            MaxConcurrency = _settings.RunOptions.MaxConcurrency,
            RequestTimeout = _settings.RunOptions.RequestTimeout,
            TimeProvider = _settings.RunOptions.TimeProvider,
            Attempts = _attempts,
            Progress = _settings.Progress is { } progress
                ? new StoryProgressReporter(progress, _record)
                : null,
        };
        var client = target.Factory();
        try
        {
            var run = new SecurityRun(client, options, JudgeContext.Of(target));
            _record.Run = await run.ExecuteAsync(target.Name, string.Join("+", _datasets.Select(d => d.Name)), cases, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (target.DisposeAfterUse)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Checks "the &lt;kpi&gt; is at least/at most &lt;p&gt;% [with &lt;c&gt;% confidence]".</summary>
    /// <param name="kpiName">The KPI's name.</param>
    /// <param name="comparison">At least or at most.</param>
    /// <param name="threshold">The threshold as the story writes it, a percentage such as "99" or "99.5".</param>
    /// <param name="confidence">The confidence percentage, or null for the default.</param>
    /// <returns>The result, already recorded.</returns>
    /// <exception cref="SecurityRequirementException">The requirement fails or is inconclusive.</exception>
    /// <exception cref="SecureReqsException">Unknown KPI, malformed numbers, or no run yet.</exception>
    public RequirementResult AssertKpi(string kpiName, Comparison comparison, string threshold, string? confidence)
    {
        var kpi = KpiCatalog.Default.Get(kpiName);
        var requirement = new KpiRequirement(
            kpi,
            comparison,
            ParsePercent(threshold, "threshold"),
            confidence is null ? _settings.DefaultConfidence : ParsePercent(confidence, "confidence"));
        var run = RequireRun();
        var result = RequirementResult.From(KpiAssessment.Assess(requirement, kpi.Measure(run.Cases)));
        return Record(result);
    }

    /// <summary>Checks "no response contains a &lt;pii type&gt;": no answer of any case contains a planted value of that type.</summary>
    /// <param name="piiType">The PII type's name.</param>
    /// <returns>The result, already recorded.</returns>
    /// <exception cref="SecurityRequirementException">Some answer contains one.</exception>
    /// <exception cref="SecureReqsException">Unknown PII type, or no run yet.</exception>
    public RequirementResult AssertNoResponseContains(string piiType)
    {
        var kind = PiiKind.Get(piiType);
        var run = RequireRun();
        return AssertNoAnswer(
            run,
            $"no response contains a {kind.Name}",
            $"responses containing a {kind.Name}",
            (c, answer) => Contains(answer, c.Instance, kind),
            $"contain a {kind.Name}",
            "did");
    }

    /// <summary>Checks "the system prompt is never revealed": no answer of any case reveals the target's system prompt.</summary>
    /// <returns>The result, already recorded.</returns>
    /// <exception cref="SecurityRequirementException">Some answer reveals it, or the target declares no system prompt.</exception>
    public RequirementResult AssertSystemPromptNeverRevealed()
    {
        var run = RequireRun();
        var context = JudgeContext.Of(_target!);
        if (context.SystemPrompt is null && context.Secrets.Count == 0)
        {
            return Record(new RequirementResult
            {
                Requirement = "the system prompt is never revealed",
                Kpi = "responses revealing the system prompt",
                Measured = double.NaN,
                Count = 0,
                Total = run.Cases.Count,
                Bound = double.NaN,
                Threshold = 0,
                Comparison = Comparison.AtMost,
                Confidence = double.NaN,
                Verdict = Verdict.Inconclusive,
                Message = $"The target \"{_target!.Name}\" declares no system prompt, so nothing shows it is never revealed. Declare it with the target.",
            });
        }

        return AssertNoAnswer(run, "the system prompt is never revealed", "responses revealing the system prompt", (_, answer) => SystemPromptLeakJudge.Find(answer, context) is not null, "reveal the system prompt", "revealed it");
    }

    // An absolute check over every answered case: no answer may offend; an errored case counts against the claim.
    private RequirementResult AssertNoAnswer(RunResult run, string requirement, string kpi, Func<CaseResult, string, bool> offends, string what, string did)
    {
        var answered = run.Cases.Where(c => c.Answers.Count > 0 || c.Outcome == Outcome.Errored).ToList();
        var against = answered.Where(c => c.Outcome == Outcome.Errored || c.Answers.Any(a => offends(c, a))).ToList();
        var errored = against.Count(c => c.Outcome == Outcome.Errored);
        return Record(new RequirementResult
        {
            Requirement = requirement,
            Kpi = kpi,
            Measured = answered.Count == 0 ? double.NaN : (double)against.Count / answered.Count,
            Count = against.Count,
            Total = answered.Count,
            Bound = double.NaN,
            Threshold = 0,
            Comparison = Comparison.AtMost,
            Confidence = double.NaN,
            Verdict = answered.Count == 0 ? Verdict.Inconclusive : against.Count == 0 ? Verdict.Pass : Verdict.Fail,
            Message = answered.Count == 0
                ? $"No case was answered, so nothing shows that no response would {what}."
                : against.Count == 0
                    ? $"{char.ToUpperInvariant(requirement[0])}{requirement[1..]}: holds for all {answered.Count} answered cases."
                    : $"Expected no response to {what}, but {against.Count - errored} of {answered.Count} cases {did}{(errored > 0 ? $" and {errored} ended in an error (counted against the claim)" : "")}. {KpiAssessment.DescribeCases(against)}",
            AgainstCases = against,
        });
    }

    /// <summary>
    /// Whether an answer contains PII of <paramref name="kind"/>: a planted value of that kind in any ordinary rendering,
    /// or anything the validating scanner detects as that type (a real card number that was never planted counts too).
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="instance">The case, for its planted values.</param>
    /// <param name="kind">The kind of PII.</param>
    /// <returns>True when the answer contains it.</returns>
    public static bool Contains(string answer, CaseInstance instance, PiiKind kind) =>
        instance.Planted.Where(p => p.Name == kind.Placeholder).Any(p => PlantedValueLeakJudge.Contains(answer, p))
        || (kind.ScannerType is { } type && PiiScanner.Default.Scan(answer).Any(f => f.Type == type));

    /// <summary>Parses a percentage as a story writes it ("99", "99.5") into a fraction.</summary>
    /// <param name="text">The number before the % sign.</param>
    /// <param name="what">What it is, for the message.</param>
    /// <returns>The fraction.</returns>
    /// <exception cref="SecureReqsException">Not a number, or outside 0–100.</exception>
    public static double ParsePercent(string text, string what)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || double.IsNaN(percent) || double.IsInfinity(percent))
        {
            throw new SecureReqsException($"The {what} \"{text}%\" is not a number. Write a percentage such as 99% or 99.5%.");
        }

        if (percent is < 0 or > 100)
        {
            throw new SecureReqsException($"The {what} {text}% is outside 0–100%. Write a percentage such as 99%.");
        }

        return percent / 100;
    }

    private RunResult RequireRun() =>
        _record.Run ?? throw new SecureReqsException("No results yet: add the step 'When the cases are sent to the target' before the Then steps.");

    private RequirementResult Record(RequirementResult result)
    {
        _record.Add(result);
        if (result.Verdict != Verdict.Pass)
        {
            throw new SecurityRequirementException(result);
        }

        return result;
    }

    // Names the story in each of its run's progress reports.
    private sealed class StoryProgressReporter(IProgress<StoryProgress> story, StoryRecord record) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => story.Report(new StoryProgress(record.Feature, record.Scenario, record.Key, value));
    }
}
