using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// One security story as plain C#: its target, datasets, synthetic records, mutations and requirements are declared
/// first; <see cref="Preflight()"/> finds every problem that can be found without a request; <see cref="ExecuteAsync"/>
/// then sends the cases once and evaluates every requirement (all of them, even after one fails), recording each result
/// in <see cref="Record"/>. Step bindings only parse text into these calls.
/// </summary>
/// <remarks>One instance per story; not thread-safe. Declaring after <see cref="ExecuteAsync"/> is an error.</remarks>
public sealed class SecurityStory
{
    private readonly SecurityStoryOptions _options;
    private readonly List<Dataset> _datasets = [];
    private readonly List<IReadOnlyList<Mutator>> _mutations = [];
    private readonly List<StoryRequirement> _requirements = [];
    private IReadOnlyList<SyntheticCustomer>? _records;
    private StoryFacts? _facts;
    private MutationExpansion? _expansion;

    /// <summary>Creates a story that records into <paramref name="record"/>.</summary>
    /// <param name="record">Where the run, the requirements and the evidence pack are recorded.</param>
    /// <param name="options">The host's options.</param>
    public SecurityStory(StoryRecord record, SecurityStoryOptions? options = null)
    {
        Record = record ?? throw new ArgumentNullException(nameof(record));
        _options = options ?? new SecurityStoryOptions();
    }

    /// <summary>What the story ran and found.</summary>
    public StoryRecord Record { get; }

    /// <summary>Gets or sets the target.</summary>
    public TargetDefinition? Target
    {
        get;
        set
        {
            Declaring();
            field = value;
            Record.Provenance.Target = value is null ? null : new StoryTarget(value.Name, value.Kind ?? "code", value.EndpointHost, value.Model);
        }
    }

    /// <summary>The datasets whose cases the story sends.</summary>
    public IReadOnlyList<Dataset> Datasets => _datasets;

    /// <summary>The requirements, in the order the story states them.</summary>
    public IReadOnlyList<StoryRequirement> Requirements => _requirements;

    /// <summary>Gets or sets the seed, or null for the default.</summary>
    public int? Seed { get; set; }

    /// <summary>Gets or sets how many times each case is attempted (1–100).</summary>
    public int Attempts
    {
        get;
        set
        {
            Declaring();
            field = value is >= 1 and <= 100 ? value : throw new SecureReqsException($"Each case must be attempted between 1 and 100 times, not {value}. Write for example 'Given each case is attempted 3 times'.");
        }
    } = 1;

    /// <summary>Gets or sets who the cases run as (cases that name their own caller keep it).</summary>
    public CallerIdentity? Caller { get; set; }

    /// <summary>Gets or sets whether the story compares a run with the datasets' poisoned documents against one without.</summary>
    public bool Poisoning { get; set; }

    /// <summary>Gets or sets whether the story sends its cases to the target.</summary>
    public bool SendsCases { get; set; }

    /// <summary>Gets or sets the semantic judge the story's rules in plain words are judged by, or null.</summary>
    public StoryJudge? Judge
    {
        get;
        set
        {
            Declaring();
            field = value;
        }
    }

    /// <summary>Gets the strategies attacks are pursued with by the attacker model, or empty when cases are sent as written.</summary>
    public IReadOnlyList<AdaptiveStrategy> AdaptiveStrategies { get; private set; } = [];

    /// <summary>Gets the most turns an attack is pursued for (0 when attacks are not pursued adaptively).</summary>
    public int AdaptiveTurns { get; private set; }

    /// <summary>Gets or sets the attacker model that pursues attacks adaptively, or null.</summary>
    public TargetDefinition? Attacker
    {
        get;
        set
        {
            Declaring();
            field = value;
            Record.Provenance.Attacker = value is null ? null : new StoryTarget(value.Name, value.Kind ?? "code", value.EndpointHost, value.Model);
        }
    }

    /// <summary>Pursues every attack whose payload is in a user's message adaptively with the attacker model: up to
    /// <paramref name="maxTurns"/> turns, once per strategy.</summary>
    /// <param name="maxTurns">The most turns (1–20).</param>
    /// <param name="strategies">The strategies, at least one.</param>
    /// <exception cref="SecureReqsException">Out of range.</exception>
    public void PursueAdaptively(int maxTurns, IReadOnlyList<AdaptiveStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        Declaring();
        if (maxTurns is < 1 or > AdaptivePursuit.MaxTurnsLimit)
        {
            throw new SecureReqsException($"An attack can be pursued for 1 to {AdaptivePursuit.MaxTurnsLimit} turns, not {maxTurns}. Write for example 'Given each attack is pursued adaptively for up to 5 turns'.");
        }

        AdaptiveTurns = maxTurns;
        AdaptiveStrategies = strategies.Count > 0 ? [.. strategies] : [AdaptiveStrategy.Escalation];
        Record.Provenance.AdaptiveTurns = maxTurns;
        Record.Provenance.AdaptiveStrategies.Clear();
        foreach (var strategy in AdaptiveStrategies)
        {
            Record.Provenance.AdaptiveStrategies.Add(SecureReqs.AdaptiveStrategies.Label(strategy));
        }
    }

    /// <summary>
    /// Gets or sets the folder of a recorded run's response cache that the story replays, or null. Configured targets,
    /// the attacker model and the semantic judge's model then answer only from it and nothing is sent to them; an
    /// in-process target runs as it is.
    /// </summary>
    public string? Recording
    {
        get;
        set
        {
            Declaring();
            field = value;
            Record.Provenance.Recording = value;
        }
    }
    /// <summary>Gets or sets whether the story probes the target for <see cref="Canaries"/> (its cases are the probes).</summary>
    public bool Probing { get; set; }

    /// <summary>Gets or sets the training dataset the story checks, or null.</summary>
    public TrainingDataset? TrainingDataset { get; set; }

    /// <summary>Gets or sets the canaries the story probes the trained target for (training-data extraction), or null.</summary>
    public TrainingCanaryPlan? Canaries
    {
        get;
        set
        {
            Declaring();
            field = value;
        }
    }

    /// <summary>Whether <see cref="ExecuteAsync"/> ran.</summary>
    public bool Executed { get; private set; }

    /// <summary>Adds a dataset.</summary>
    /// <param name="dataset">The loaded, verified dataset.</param>
    public void AddDataset(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Declaring();
        _datasets.Add(dataset);
        Record.Provenance.Datasets.Add(new StoryDataset(dataset.Name, dataset.Manifest.Version, DatasetHash(dataset)));
    }

    /// <summary>Adds mutated copies of every attack, one per chain.</summary>
    /// <param name="chains">The mutator chains.</param>
    public void AddMutations(IEnumerable<IReadOnlyList<Mutator>> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        Declaring();
        foreach (var chain in chains)
        {
            _mutations.Add(chain);
            Record.Provenance.Mutators.Add(string.Join(" + ", chain.Select(m => m.Name)));
        }
    }

    /// <summary>Uses <paramref name="count"/> synthetic customer records generated with <paramref name="seed"/>.</summary>
    /// <param name="count">How many records (at least 1).</param>
    /// <param name="seed">The seed, or null for the default.</param>
    public void UseSyntheticRecords(int count, int? seed)
    {
        Declaring();
        if (count < 1)
        {
            throw new SecureReqsException($"The number of synthetic customer records must be at least 1, not {count}.");
        }

        Seed = seed ?? _options.DefaultSeed;
        _records = SyntheticCustomers.Generate(count, Seed.Value);
    }

    /// <summary>Adds a requirement.</summary>
    /// <param name="requirement">The requirement.</param>
    public void Require(StoryRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        Declaring();
        _requirements.Add(requirement);
    }

    /// <summary>The planned story: the cases it will send, with mutations, and what they are planned against.</summary>
    /// <returns>The facts.</returns>
    public StoryFacts Plan()
    {
        if (_facts is { } facts)
        {
            return facts;
        }

        var seed = Seed ?? _options.DefaultSeed;
        IReadOnlyList<CaseInstance> cases = [];
        if (SendsCases && _datasets.Count > 0)
        {
            // One dataset's cases are used as they are (a generated dataset may make them when read).
            IReadOnlyList<SecurityCase> written = _datasets.Count == 1 ? _datasets[0].Cases : [.. _datasets.SelectMany(d => d.Cases)];

            // Records are generated only as far as a case reads one: a story that plants no customer data makes none.
            var records = _records ?? SyntheticCustomers.Lazy(Math.Max(1, written.Count), seed);
            cases = CaseInstantiator.Instantiate(written, records, seed);
            if (_mutations.Count > 0)
            {
                (cases, _expansion) = MutatorCatalog.Expand(cases, _mutations, _options.MaxMutatedCases, seed);
            }

            if (AdaptiveTurns > 0)
            {
                cases = new AdaptiveCases(cases, AdaptiveStrategies);
            }
        }

        Record.Provenance.Seed = seed;
        Record.Provenance.Records = _records?.Count;
        Record.Provenance.Attempts = Attempts;
        return _facts = new StoryFacts(Target, cases, SendsCases)
        {
            Poisoning = Poisoning,
            Caller = Caller ?? CallerIdentity.Default,
            HasTrainingDataset = TrainingDataset is not null,
            Judge = Judge,
        };
    }

    /// <summary>The requests the story will send at most: cases × user turns × attempts, twice for a poisoning comparison,
    /// plus, for each rule in plain words, one judge request per calibration item of the rule and per answer.</summary>
    public long PlannedRequests
    {
        get
        {
            // An adaptive attack may take up to its strategy's most conversations, each answered once (its scripted
            // turns are the first of them).
            var answers = Plan().Written.Sum(c => c.Strategy is { } strategy
                ? Math.Max(Math.Max(1, c.Turns.Count(t => t.IsUser)), MaxAdaptiveRequests(strategy))
                : (long)Math.Max(1, c.Turns.Count(t => t.IsUser)));
            var judging = Judge is { } judge
                ? _requirements.OfType<RuleBreakRate>().Sum(r => JudgeCalibration.ItemsFor(judge.Calibration.Calibration, r.Rule).Count + answers)
                : 0;
            return (answers * Attempts * (Poisoning ? 2 : 1)) + judging + _requirements.OfType<ServingCheck>().Sum(c => (long)c.PlannedRequests);
        }
    }

    private long MaxAdaptiveRequests(AdaptiveStrategy strategy) =>
        AdaptivePursuit.MaxTargetRequests(strategy, AdaptiveTurns, AdaptiveWidth, AdaptiveBranches);

    /// <summary>Gets or sets how many prompts a branching search keeps at each level.</summary>
    public int AdaptiveWidth { get; set; } = 2;

    /// <summary>Gets or sets how many variations a branching search writes of each kept prompt.</summary>
    public int AdaptiveBranches { get; set; } = 2;

    /// <summary>Everything that can be found wrong without sending a request; each problem says its fix.</summary>
    /// <returns>The problems; empty when the story can run.</returns>
    public IReadOnlyList<string> Preflight() => Preflight(declarationProblems: false);

    /// <summary>
    /// Why the story does not apply to its target (see <see cref="StoryRequirement.NotApplicable"/>), each distinct reason
    /// once; empty when every requirement applies. Such a story is not run: a host skips it with
    /// these reasons (a story cannot be half-run and still pass).
    /// </summary>
    /// <returns>The reasons.</returns>
    public IReadOnlyList<string> NotApplicable()
    {
        var facts = Plan();
        return [.. _requirements.Select(r => r.NotApplicable(facts)).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Everything that can be found wrong without sending a request, after the steps' own problems.</summary>
    /// <param name="declarationProblems">Whether some step already failed to declare (a misspelled requirement): the
    /// story then does not also say it "checks no requirement".</param>
    /// <returns>The problems; empty when the story can run.</returns>
    public IReadOnlyList<string> Preflight(bool declarationProblems)
    {
        var problems = new List<string>();
        if (SendsCases && Target is null)
        {
            problems.Add("No target chosen: add a step 'Given the target \"<name>\"' before 'When the cases are sent to the target'.");
        }

        if (SendsCases && _datasets.Count == 0)
        {
            problems.Add("No dataset chosen: add a step 'Given the adversarial dataset \"<name>\"' before 'When the cases are sent to the target'.");
        }

        if (!SendsCases && _datasets.Count > 0)
        {
            problems.Add("The story chooses a dataset but never sends its cases: add the step 'When the cases are sent to the target' before the Then steps.");
        }

        if (_requirements.Count == 0 && !declarationProblems)
        {
            problems.Add(SendsCases
                ? "The story sends its cases but checks no requirement, so it can never show anything: add a Then step such as 'Then the redaction rate is at least 99%' (see 'securereqs steps')."
                : "The story checks no requirement, so it can never show anything: add a Then step (see 'securereqs steps').");
        }

        if (Poisoning && SendsCases && _datasets.Count > 0 && !_datasets.Any(d => d.Documents.Count > 0))
        {
            problems.Add($"The story adds poisoned documents, but its datasets ({string.Join("+", _datasets.Select(d => d.Name))}) ship none. A dataset lists its documents file in manifest.json with \"kind\": \"documents\"; see docs/datasets.md.");
        }

        if (SendsCases && Target is not null && _datasets.Count > 0 && Plan().Cases.Count == 0)
        {
            problems.Add("The story's datasets hold no cases, so it would send nothing. Choose a dataset with cases.");
        }

        if (AdaptiveTurns > 0 && Attacker is null)
        {
            problems.Add("Attacks are pursued adaptively, but no attacker model is chosen: add a step 'Given the attacker model \"<name>\"' naming a target in securereqs.json that serves the model writing the attacks (see docs/adaptive.md).");
        }

        if (Attacker is not null && AdaptiveTurns == 0)
        {
            problems.Add("The story chooses an attacker model but pursues no attack with it: add a step 'Given each attack is pursued adaptively for up to 5 turns', or remove the attacker model.");
        }

        if (AdaptiveTurns > 0 && SendsCases && Plan().Cases is AdaptiveCases { Pursued: 0 })
        {
            problems.Add("Attacks are pursued adaptively, but none of the story's attacks can be: the attacker writes user messages, and every attack of these datasets hides its payload in a document. Pursue the attacks of a dataset of direct attacks, or remove the adaptive step.");
        }

        if (Recording is { } recording)
        {
            if (Target is { ReplayFactory: null, Kind: "openai" or "http" } uncached)
            {
                problems.Add($"The story replays the recording {recording}, but the target \"{uncached.Name}\" is never cached (it keeps a session or says \"cache\": false), so nothing of it was recorded. Remove the recording step, or let the target be cached.");
            }

            if (Attacker is { ReplayFactory: null } live)
            {
                problems.Add($"The story replays the recording {recording}, but its attacker model \"{live.Name}\" cannot be replayed (only models declared in securereqs.json are recorded). Declare the attacker model in securereqs.json.");
            }

            if (Judge is { Model.ReplayFactory: null } judge)
            {
                problems.Add($"The story replays the recording {recording}, but its semantic judge's model \"{judge.Model.Name}\" cannot be replayed (only models declared in securereqs.json are recorded).");
            }

            if (Poisoning && Target is { Kind: "openai" or "http" })
            {
                problems.Add($"The story replays the recording {recording}, but it adds poisoned documents to a deployed target's knowledge base, which a replay cannot do. Replay the story without the poisoning step, or run it live.");
            }
        }

        if (_options.Shard is not null && SendsCases && Target is { WhiteBox: false, KnowledgeBase: not null } shared
            && ((Poisoning && shared.FactoryWithDocuments is null) || ClearanceCanaries(shared, Seed ?? _options.DefaultSeed).Count > 0))
        {
            problems.Add($"The story adds documents to the knowledge base of the deployed target \"{shared.Name}\", which every shard shares: shards running at once would see (and remove) each other's documents. Run it in a job of its own without --shard (select it with --tags).");
        }

        if (Probing && Canaries is null)
        {
            problems.Add("The story probes for canaries but plants none: add 'Given <n> canary records are planted in the training dataset with seed <s>' and 'Given the fine-tuning file with the canaries is written to \"<file>\"', or 'Given the canaries listed in \"<file>.canaries.json\"', before 'When the trained model is probed for the canaries'.");
        }

        var facts = Plan();
        if (SendsCases)
        {
            // Every KPI's population in one pass over the cases, before the requirements ask for theirs.
            facts.CountPopulations(_requirements.OfType<KpiThreshold>().Select(r => r.Requirement.Kpi));
        }

        foreach (var requirement in _requirements)
        {
            if (requirement.NeedsRun && !SendsCases)
            {
                problems.Add($"\"{requirement.Statement}\" is judged on answers, but the story sends no cases: add the step 'When the cases are sent to the target' before the Then steps.");
                continue;
            }

            problems.AddRange(requirement.Preflight(facts).Select(p => $"\"{requirement.Statement}\": {p}"));
            if ((_options.Shard is not null || _options.Merge is not null) && SendsCases && requirement.NeedsRun && requirement is not RunRequirement { Shardable: true })
            {
                problems.Add($"\"{requirement.Statement}\" is judged after the run on all of the story's answers, so the story cannot be split across shards. Run it in a job of its own without --shard (select it with --tags).");
            }
        }

        return problems;
    }

    /// <summary>
    /// Sends the cases (when the story sends any) and evaluates every requirement, recording each result. A requirement
    /// that fails does not stop the others: the product manager sees every KPI of the story side by side.
    /// </summary>
    /// <param name="cancellationToken">Stops sending: the cases that finished are kept and the run is marked interrupted.</param>
    /// <returns>The results, in the order the story states its requirements.</returns>
    /// <exception cref="SecureReqsException">The story has a pre-flight problem.</exception>
    public async Task<IReadOnlyList<RequirementResult>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (Executed)
        {
            throw new SecureReqsException("The story was already run: a story sends its cases once.");
        }

        var problems = Preflight();
        if (problems.Count > 0)
        {
            throw new SecureReqsException(string.Join(Environment.NewLine, problems));
        }

        if (NotApplicable() is { Count: > 0 } reasons)
        {
            throw new SecureReqsException($"The story does not apply to its target: {string.Join("; ", reasons)}.");
        }

        Executed = true;
        var seed = Seed ?? _options.DefaultSeed;
        if (SendsCases && Target is { } deployed && ClearanceCanaries(deployed, seed) is { Count: > 0 } canaryDocuments)
        {
            if (Recording is not null || _options.Merge is not null)
            {
                // A replay or a merge sends nothing: the canaries (the same for the same seed) are only judged on.
                return await RunAndJudgeAsync(deployed with { Documents = [.. deployed.Documents, .. canaryDocuments] }, seed, cancellationToken).ConfigureAwait(false);
            }

            return await KnowledgeBaseSeeding.WithDocumentsAsync(
                deployed.Name,
                deployed.KnowledgeBase!,
                canaryDocuments,
                "the canary documents of the clearance checks",
                seeded =>
                {
                    Record.Notes.Add($"{seeded.Count} canary documents ({string.Join(", ", seeded.GroupBy(d => d.Document.Classification).Select(g => $"{g.Count()} {g.Key}"))}) were seeded for this run into the knowledge base of \"{deployed.Name}\" ({deployed.KnowledgeBase!.Description}), each with a canary planted for the run (seed {seed}), and removed after it.");
                    return RunAndJudgeAsync(deployed with { Documents = [.. deployed.Documents, .. seeded.Select(d => d.Document with { Id = d.Id })] }, seed, cancellationToken);
                },
                cancellationToken).ConfigureAwait(false);
        }

        return await RunAndJudgeAsync(Target, seed, cancellationToken).ConfigureAwait(false);
    }

    // The canary documents a clearance story plants in a deployed target's knowledge base, or empty when it plants none:
    // a black-box target that declares canary documents, and a story with clearance cases or the clearance check.
    private IReadOnlyList<KnowledgeDocument> ClearanceCanaries(TargetDefinition target, int seed) =>
        !target.WhiteBox && target.KnowledgeBase is not null && target.CanaryDocuments.Count > 0
            && (_requirements.OfType<NoDocumentAboveClearance>().Any() || Plan().Written.Any(c => c.Case.Oracle.Type == CaseOracle.Clearance))
            ? CanaryDocuments.Plant(target.CanaryDocuments, seed, string.IsNullOrEmpty(Record.Key) ? $"{Record.Feature}\n{Record.Scenario}" : Record.Key)
            : [];

    // Sends the cases (if any) to the story's target as the run sees it (with any documents seeded for it) and judges.
    private async Task<IReadOnlyList<RequirementResult>> RunAndJudgeAsync(TargetDefinition? storyTarget, int seed, CancellationToken cancellationToken)
    {
        RunResult? baseline = null;
        // A replayed story's judge answers from the recording too.
        var storyJudge = Recording is { } judgeRecording && Judge is { Model.ReplayFactory: { } replayJudge } recordedJudge
            ? recordedJudge with { Model = recordedJudge.Model with { Factory = () => replayJudge(judgeRecording) } }
            : Judge;
        var before = new StoryEvidence(null, storyTarget) { Judge = storyJudge, Seed = seed };

        // Requirements judged on answers see each case as it finishes; only counts and samples stay in memory.
        var observers = _requirements.OfType<RunRequirement>().ToDictionary(r => (StoryRequirement)r, r => r.Observe(before));
        var factory = storyTarget?.Factory;
        if (Canaries is { } canaries)
        {
            // The fine-tuning file is written when the story runs, never while it is only checked.
            var file = canaries.Prepare();
            Record.Notes.Add(canaries.Describe(file));
            if (Probing && storyTarget is { FactoryWithTrainingData: { } train } trained)
            {
                factory = () => train(file.Path);
                Record.Notes.Add($"The target \"{trained.Name}\" was fine-tuned on {canaries.Written} by SecureReqs before it was probed.");
            }
            else if (Probing && storyTarget is { } asIs)
            {
                Record.Notes.Add($"The target \"{asIs.Name}\" cannot be fine-tuned by SecureReqs: it was probed as it is, on the understanding that it was trained on {canaries.Written}.");
            }
        }

        if (SendsCases)
        {
            var target = storyTarget!;
            var facts = Plan();
            Record.Secrets = [.. target.SystemPromptSecrets, .. target.Documents.Select(d => d.Canary).OfType<string>(), .. Canaries?.Canaries.Select(c => c.Secret) ?? []];
            if (!target.WhiteBox && facts.Written.Any(c => c.Case.Oracle.Type == CaseOracle.MemoryIsolation))
            {
                Record.Notes.Add($"Memory isolation was judged black-box: the target \"{target.Name}\" reports no memory reads, so only its answers were read for other users' facts.");
            }

            if (!target.WhiteBox && facts.Written.Any(c => c.Case.Oracle.Type == CaseOracle.Clearance))
            {
                Record.Notes.Add(target.ReportsRetrievals
                    ? $"Clearance was judged black-box on the retrievals the target \"{target.Name}\" reports in its answers and on the answers themselves ({target.Documents.Count(d => d.Canary is not null)} canary documents known)."
                    : $"Clearance judged on answers only: the target reports no retrievals (\"{target.Name}\" declares no \"retrievalsPath\"), so only canaries of documents above the caller's clearance showing in its answers count ({target.Documents.Count(d => d.Canary is not null)} canary documents known).");
            }

            if (_expansion is not null)
            {
                Record.Notes.Add(_expansion.Describe());
            }

            var sample = Record.Sample = new CaseSample(_options.SampledCasesPerOutcome, seed);
            var stream = _options.OnCaseCompleted;
            var datasetName = string.Join("+", _datasets.Select(d => d.Name));
            // A replayed story asks its recording, never the models.
            var attacker = Attacker is { } attackerModel ? (Recording is { } replay ? attackerModel.ReplayFactory!(replay) : attackerModel.Factory()) : null;
            var targetFactory = Recording is { } recorded && target.ReplayFactory is { } replayTarget ? () => replayTarget(recorded) : factory!;
            if (Recording is { } pinned)
            {
                Record.Notes.Add($"Replayed from the recording {pinned}: configured targets, the attacker model and the judge's model answered only from it, and nothing was sent to them{(target.ReplayFactory is null ? $"; the in-process target \"{target.Name}\" ran as it is" : "")}.");
            }

            using var attackerLease = attacker is not null && Attacker!.DisposeAfterUse ? attacker : null;
            var pursuit = attacker is null ? null : new AdaptivePursuit(attacker, Attacker!.Name, AdaptiveTurns)
            {
                Width = AdaptiveWidth,
                Branches = AdaptiveBranches,
                Purpose = string.IsNullOrWhiteSpace(target.Description) ? null : target.Description,
                Seed = seed,
            };
            if (facts.Cases is AdaptiveCases { AsWritten: > 0 } adaptiveCases)
            {
                Record.Notes.Add($"{adaptiveCases.AsWritten} attacks hide their payload in a document and were sent as written; the attacker model pursues the {adaptiveCases.Pursued} attacks in users' messages.");
            }

            SecurityRunOptions Options(string run, Action<CaseResult>? observe) => new()
            {
                Adaptive = pursuit,
                MaxConcurrency = _options.RunOptions.MaxConcurrency,
                RequestTimeout = target.RequestTimeout ?? _options.RunOptions.RequestTimeout,
                TimeProvider = _options.RunOptions.TimeProvider,
                Attempts = Attempts,
                Caller = Caller ?? CallerIdentity.Default,
                Progress = _options.Progress is { } progress ? new StoryProgressReporter(progress, Record) : null,
                Judges = _options.RunOptions.Judges,

                // A rule in plain words is judged after the run, on the answers: such a story keeps its cases.
                KeepCases = _options.KeepCases || _requirements.Any(r => r.NeedsRun && r is not RunRequirement),
                OnCaseCompleted = result =>
                {
                    observe?.Invoke(result);
                    stream?.Invoke(new StoryCaseResult(Record, run, result));
                },
            };

            // The requirements observe the run (the poisoned one in a comparison); the clean run only streams.
            var options = Options("run", result =>
            {
                sample.Add(result);
                foreach (var observer in observers.Values)
                {
                    observer.Add(result);
                }
            });
            var documents = Poisoning ? _datasets.SelectMany(d => d.Documents).ToList() : [];
            void PoisoningNote(RunResult clean) =>
                Record.Notes.Add($"Poisoning comparison: {documents.Count} documents added to the knowledge base; without them {clean.Tally.SuccessfulAttacks} of {clean.Tally.Attacks} attacks succeeded.");

            // A shard sends its own part of the cases; a merge sends nothing and adds up what the shards saw.
            var cases = _options.Shard is { } shard ? new ShardCaseList(facts.Cases, shard, seed) : facts.Cases;
            if (_options.Merge is { } merge)
            {
                baseline = merge.Combine(Record, facts.Cases, seed, sample, Observed(observers), Poisoning, target.Name, datasetName);
                Record.Baseline = baseline;
                if (baseline is not null)
                {
                    PoisoningNote(baseline);
                }
            }
            else if (Poisoning && target.FactoryWithDocuments is null && target.KnowledgeBase is { } knowledgeBase)
            {
                // A deployed target: the poisoned documents go into its knowledge base for the second pass only, and are
                // removed after it, however it ends.
                var clean = Options("baseline", null);
                baseline = await RunAsync(target, targetFactory, clean, datasetName, cases, cancellationToken).ConfigureAwait(false);
                Record.Baseline = baseline;
                if (!baseline.Interrupted)
                {
                    Record.Run = await KnowledgeBaseSeeding.WithDocumentsAsync(
                        target.Name,
                        knowledgeBase,
                        documents,
                        "the poisoned documents",
                        _ => RunAsync(target, targetFactory, options, datasetName + " (poisoned)", cases, cancellationToken),
                        cancellationToken).ConfigureAwait(false);
                    PoisoningNote(baseline);
                    Record.Notes.Add($"The {documents.Count} poisoned documents were added to the knowledge base of \"{target.Name}\" ({knowledgeBase.Description}) for the second pass only, and removed after it.");
                }
                else
                {
                    Record.Run = baseline;
                }
            }
            else if (Poisoning)
            {
                var poisoned = target.FactoryWithDocuments!;
                var clean = Options("baseline", null);
                baseline = await RunAsync(target, targetFactory, clean, datasetName, cases, cancellationToken).ConfigureAwait(false);
                Record.Baseline = baseline;
                if (!baseline.Interrupted)
                {
                    Record.Run = await RunAsync(target, () => poisoned(documents), options, datasetName + " (poisoned)", cases, cancellationToken).ConfigureAwait(false);
                    PoisoningNote(baseline);
                }
                else
                {
                    Record.Run = baseline;
                }
            }
            else
            {
                Record.Run = await RunAsync(target, targetFactory, options, datasetName, cases, cancellationToken).ConfigureAwait(false);
            }

            if (Record.Run!.Interrupted)
            {
                // An interrupted run judges nothing: a partial run can make any claim look better than it is.
                return [];
            }

            if (AdaptiveTurns > 0 && Record.Run.Tally.DescribeAdaptive(AdaptiveTurns) is { } adaptive)
            {
                Record.Notes.Add(adaptive);
            }

            if (_options.Shard is { } part)
            {
                Record.ShardState = StoryShardState.Save(Record, part, seed, facts.Cases.Count, sample, Observed(observers));
            }
        }

        if (Judge is { } judge)
        {
            Record.Notes.Add($"Rules in plain words are judged by the semantic judge \"{judge.Name}\" (model: target \"{judge.Model.Name}\"{(judge.Model.Model is { } model ? $", {model}" : "")}), calibrated on \"{judge.Calibration.Name}\" version {judge.Calibration.Manifest.Version}; its verdicts are labelled semantic.");
        }

        var evidence = before with { Run = Record.Run, Baseline = baseline };
        var results = new List<RequirementResult>();
        foreach (var requirement in _requirements)
        {
            RequirementResult result;
            try
            {
                result = observers.TryGetValue(requirement, out var observer)
                    ? evidence.Run is { } run ? observer.Finish(run, evidence) : throw new SecureReqsException($"\"{requirement.Statement}\" is judged on answers, but the story sent no cases: add the step 'When the cases are sent to the target'.")
                    : await requirement.EvaluateAsync(evidence, cancellationToken).ConfigureAwait(false);
            }
            catch (SecureReqsException ex)
            {
                result = RequirementResult.Absolute(requirement.Statement, requirement.Statement, 0, 0, Verdict.Inconclusive, "Could not be checked: " + ex.Message) with { Problem = true };
            }

            Record.Add(result);
            results.Add(result);
        }

        return results;
    }

    // The observers in the order the story states its requirements.
    private List<(string Statement, RunObserver Observer)> Observed(Dictionary<StoryRequirement, RunObserver> observers) =>
        [.. _requirements.OfType<RunRequirement>().Select(r => (r.Statement, observers[r]))];

    private static async Task<RunResult> RunAsync(TargetDefinition target, Func<IChatClient> factory, SecurityRunOptions options, string datasetName, IReadOnlyList<CaseInstance> cases, CancellationToken cancellationToken)
    {
        var client = factory();
        try
        {
            var run = new SecurityRun(client, options, JudgeContext.Of(target));
            return await run.ExecuteAsync(target.Name, datasetName, cases, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (target.DisposeAfterUse)
            {
                client.Dispose();
            }
        }
    }

    private static string DatasetHash(Dataset dataset)
    {
        var manifest = Path.Combine(dataset.Directory, DatasetLoader.ManifestFileName);
        return File.Exists(manifest) ? FileHashes.Sha256(manifest) : "";
    }

    private void Declaring()
    {
        if (Executed)
        {
            throw new SecureReqsException("Steps after the story ran are not supported: put every Given and When before the Then steps.");
        }

        _facts = null;
    }

    // Names the story in each of its run's progress reports.
    private sealed class StoryProgressReporter(IProgress<StoryProgress> story, StoryRecord record) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => story.Report(new StoryProgress(record.Feature, record.Scenario, record.Key, value));
    }
}
