namespace SecureReqs.Reqnroll;

/// <summary>
/// How the step bindings run stories: which targets exist, where datasets are, which target replaces the one a story
/// names, the run options and where results are journaled. A host (the <c>securereqs</c> command) registers an
/// instance in Reqnroll's container; under <c>dotnet test</c> the defaults come from environment variables.
/// The bindings know no target of their own: the demo targets (<c>SecureReqs.Demo</c>) and the targets of
/// <c>securereqs.json</c> (<c>SecureReqs.Endpoints</c>) plug in through <see cref="ITargetProvider"/>s registered on
/// <see cref="Targets"/> (see <see cref="TargetRegistry.AddProvider"/>).
/// </summary>
public sealed class SecureReqsSettings
{
    /// <summary>The environment variable naming a target that replaces the target every story names.</summary>
    public const string TargetVariable = "SECUREREQS_TARGET";

    /// <summary>The environment variable naming the datasets folder.</summary>
    public const string DatasetsVariable = "SECUREREQS_DATASETS";

    // The names the hint about a missing package reads; the bindings reference neither package.
    private const string DemoPackage = "SecureReqs.Demo";
    private const string EndpointsPackage = "SecureReqs.Endpoints";
    private const string ConfigurationVariable = "SECUREREQS_CONFIG";
    private const string ConfigurationFileName = "securereqs.json";

    /// <summary>Creates settings from the environment: <c>SECUREREQS_TARGET</c>, <c>SECUREREQS_DATASETS</c>.</summary>
    public SecureReqsSettings()
    {
        TargetOverride = Environment.GetEnvironmentVariable(TargetVariable) is { Length: > 0 } target ? target : null;
        DatasetsDirectory = Environment.GetEnvironmentVariable(DatasetsVariable) is { Length: > 0 } datasets
            ? datasets
            : DatasetCatalog.FindDefaultRoot(Directory.GetCurrentDirectory())
              ?? DatasetCatalog.FindDefaultRoot(AppContext.BaseDirectory)
              ?? Path.Combine(Directory.GetCurrentDirectory(), "adversarial-datasets");
    }

    /// <summary>The targets stories can name, with the providers (demo, <c>securereqs.json</c>) whose targets are added to them.</summary>
    /// <value>The default value is <see cref="TargetRegistry.Shared"/>.</value>
    public TargetRegistry Targets { get; set; } = TargetRegistry.Shared;

    /// <summary>A target that replaces the target every story names, or null to use the story's own.</summary>
    public string? TargetOverride { get; set; }

    /// <summary>The folder holding the dataset folders.</summary>
    public string DatasetsDirectory { get; set; }

    /// <summary>
    /// The folder that the paths of model artifacts and training datasets in stories are relative to; when null, the
    /// nearest folder above the current folder (then above the test assembly) in which the path exists.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? RepositoryRoot { get; set; }

    /// <summary>
    /// The PEM file of public keys trusted to sign manifests; when null, the PEM text in <c>SECUREREQS_VERIFY_KEY</c>,
    /// else the nearest <c>.securereqs/trusted-signers.pem</c> above the verified folder or file.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? TrustedSignersFile { get; set; }

    /// <summary>The confidence used when a story does not state one, a fraction.</summary>
    /// <value>The default value is 0.95.</value>
    public double DefaultConfidence { get; set; } = 0.95;

    /// <summary>The seed used when a story does not state one.</summary>
    /// <value>The default value is 1.</value>
    public int DefaultSeed { get; set; } = 1;

    /// <summary>The most mutated copies a story adds; beyond it a seeded sample runs and the report says so.</summary>
    /// <value>The default value is 3000.</value>
    public int MaxMutatedCases { get; set; } = 3000;

    /// <summary>Concurrency, timeout and clock of each run.</summary>
    public SecurityRunOptions RunOptions { get; set; } = new();

    /// <summary>Receives each story's progress while its cases run (a host shows it), or null for none.</summary>
    /// <remarks>Reports of one story arrive in order and never concurrently.</remarks>
    public IProgress<StoryProgress>? Progress { get; set; }

    /// <summary>Where each story's run and requirements are recorded.</summary>
    public StoryJournal Journal { get; set; } = new();

    /// <summary>Gets or sets what receives every case as it finishes (the CLI streams them to results.ndjson), or null.</summary>
    public Action<StoryCaseResult>? OnCaseCompleted { get; set; }

    /// <summary>Gets or sets whether each story's run keeps every case in memory (<see cref="SecurityStoryOptions.KeepCases"/>);
    /// the CLI turns it off and streams the cases instead.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool KeepCases { get; set; } = true;

    /// <summary>Gets or sets the shard every story sends (<c>securereqs run --shard i/n</c>), or null for every case.</summary>
    public ShardSpec? Shard { get; set; }

    /// <summary>Gets or sets the shards every story adds up instead of sending (<c>securereqs merge</c>), or null.</summary>
    public ShardMerge? Merge { get; set; }

    /// <summary>Gets or sets whether stories are only checked (<c>securereqs lint</c>): every step is read and every
    /// problem found, but no request is sent.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Preflight { get; set; }

    /// <summary>Gets or sets the token that stops a run (Ctrl-C, SIGTERM): no new request is sent and the story ends interrupted.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>The engine options every story of these settings uses.</summary>
    /// <returns>The options.</returns>
    public SecurityStoryOptions StoryOptions() => new()
    {
        RunOptions = RunOptions,
        DefaultSeed = DefaultSeed,
        MaxMutatedCases = MaxMutatedCases,
        Progress = Progress,
        OnCaseCompleted = OnCaseCompleted,
        KeepCases = KeepCases,
        Shard = Shard,
        Merge = Merge,
    };

    /// <summary>The registry with the targets of every registered provider added (the demo's, those of <c>securereqs.json</c>).</summary>
    /// <returns>The registry.</returns>
    /// <exception cref="SecureReqsException">A provider's source (a configuration file) is missing, malformed or invalid.</exception>
    public TargetRegistry TargetsWithDefaults() => Targets.AddProvidedTargets();

    /// <summary>Finds a target by name, with the providers' targets added.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The target.</returns>
    /// <exception cref="SecureReqsException">No target has that name: the message lists the known ones and, when the
    /// name is a demo target or <c>securereqs.json</c> exists, which package to reference and how to register it.</exception>
    public TargetDefinition GetTarget(string name)
    {
        var targets = TargetsWithDefaults();
        return targets.Find(name) ?? throw SecureReqsException.Unknown("target", name, targets.All.Select(t => t.Name), MissingTargetFix(name));
    }

    /// <summary>The semantic judges registered in code (<see cref="SemanticJudgeRegistry.Shared"/>) with those of every provider (<c>securereqs.json</c>) added.</summary>
    /// <returns>The registry.</returns>
    /// <exception cref="SecureReqsException">The configuration file is missing, malformed or invalid.</exception>
    public SemanticJudgeRegistry SemanticJudgesWithDefaults()
    {
        foreach (var provider in TargetsWithDefaults().Providers)
        {
            provider.AddSemanticJudges(SemanticJudgeRegistry.Shared);
        }

        return SemanticJudgeRegistry.Shared;
    }

    // Which package a target the story names would come from, and the line that registers it.
    private string MissingTargetFix(string name)
    {
        var packages = Targets.Providers.Select(p => p.Package).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (name.StartsWith("demo:", StringComparison.OrdinalIgnoreCase) && !packages.Contains(DemoPackage))
        {
            return $"The demo targets come from the {DemoPackage} package, which this test project does not register: reference it (dotnet add package {DemoPackage}) and register its targets before the stories run, for example in a [BeforeTestRun] hook: TargetRegistry.Shared.AddProvider(DemoTargets.Provider); (see docs/configuration.md, \"Packages\").";
        }

        var configured = Environment.GetEnvironmentVariable(ConfigurationVariable) is { Length: > 0 } named
            ? Path.GetFullPath(named)
            : File.Exists(ConfigurationFileName) ? Path.GetFullPath(ConfigurationFileName) : null;
        if (configured is not null && !packages.Contains(EndpointsPackage))
        {
            return $"Targets declared in {configured} come from the {EndpointsPackage} package, which this test project does not register: reference it (dotnet add package {EndpointsPackage}) and register them before the stories run, for example in a [BeforeTestRun] hook: TargetRegistry.Shared.AddProvider(EndpointTargets.FromEnvironment()); (see docs/configuration.md, \"Packages\").";
        }

        return $"Register your own with TargetRegistry.Shared.Add(\"name\", () => yourChatClient), declare it in securereqs.json (with the {EndpointsPackage} package registered), or use a demo target (with the {DemoPackage} package registered); see docs/configuration.md.";
    }
}
