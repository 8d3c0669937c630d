using System.Collections.Concurrent;
using SecureReqs.Demo;
using SecureReqs.Endpoints;

namespace SecureReqs.Reqnroll;

/// <summary>
/// How the step bindings run stories: which targets exist, where datasets are, which target replaces the one a story
/// names, the run options and where results are journaled. A host (the <c>securereqs</c> command) registers an
/// instance in Reqnroll's container; under <c>dotnet test</c> the defaults come from environment variables, and the
/// targets of <c>securereqs.json</c> (named by <c>SECUREREQS_CONFIG</c>, or in the current folder) are added.
/// </summary>
public sealed class SecureReqsSettings
{
    /// <summary>The environment variable naming a target that replaces the target every story names.</summary>
    public const string TargetVariable = "SECUREREQS_TARGET";

    /// <summary>The environment variable naming the datasets folder.</summary>
    public const string DatasetsVariable = "SECUREREQS_DATASETS";

    /// <summary>The environment variable naming the response cache folder for configured targets.</summary>
    public const string CacheDirectoryVariable = "SECUREREQS_CACHE_DIR";

    /// <summary>The environment variable that turns the response cache off when set to <c>1</c> or <c>true</c>.</summary>
    public const string NoCacheVariable = "SECUREREQS_NO_CACHE";

    // Under dotnet test every scenario gets its own settings; the configured targets (their connections, rate and
    // concurrency limits) are shared by every scenario of the process that uses the same file.
    private static readonly ConcurrentDictionary<string, Lazy<EndpointTargets>> LoadedConfigurations = new(StringComparer.Ordinal);

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

    /// <summary>The targets stories can name; the demo targets are always added.</summary>
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

    /// <summary>
    /// The targets declared in <c>securereqs.json</c>, as a host built them; when null they are loaded from
    /// <c>SECUREREQS_CONFIG</c> or <c>securereqs.json</c> in the current folder (with <c>SECUREREQS_CACHE_DIR</c> and
    /// <c>SECUREREQS_NO_CACHE</c>), if there is one.
    /// </summary>
    public EndpointTargets? Endpoints { get; set; }

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

    /// <summary>The registry with the demo targets and the targets of <c>securereqs.json</c> added (a configured target replaces one of the same name registered in code).</summary>
    /// <returns>The registry.</returns>
    /// <exception cref="SecureReqsException">The configuration file is missing, malformed or invalid.</exception>
    public TargetRegistry TargetsWithDefaults()
    {
        DemoTargets.AddTo(Targets);
        (Endpoints ?? LoadFromEnvironment())?.AddTo(Targets);
        return Targets;
    }

    /// <summary>The semantic judges registered in code (<see cref="SemanticJudgeRegistry.Shared"/>) with those of <c>securereqs.json</c> added.</summary>
    /// <returns>The registry.</returns>
    /// <exception cref="SecureReqsException">The configuration file is missing, malformed or invalid.</exception>
    public SemanticJudgeRegistry SemanticJudgesWithDefaults()
    {
        TargetsWithDefaults();
        Endpoints?.AddJudgesTo(SemanticJudgeRegistry.Shared);
        return SemanticJudgeRegistry.Shared;
    }

    private EndpointTargets? LoadFromEnvironment()
    {
        var path = SecureReqsConfiguration.Find(null, Directory.GetCurrentDirectory());
        if (path is null)
        {
            return null;
        }

        var cacheDirectory = Environment.GetEnvironmentVariable(CacheDirectoryVariable) is { Length: > 0 } dir ? Path.GetFullPath(dir) : null;
        var noCache = Environment.GetEnvironmentVariable(NoCacheVariable) is "1" or "true" or "TRUE" or "True";
        var time = RunOptions.TimeProvider;
        return Endpoints = LoadedConfigurations.GetOrAdd(
            $"{path}|{cacheDirectory}|{noCache}",
            _ => new Lazy<EndpointTargets>(() => EndpointTargets.Create(SecureReqsConfiguration.Load(path), new EndpointTargetSettings { CacheDirectory = cacheDirectory, UseCache = !noCache, TimeProvider = time }))).Value;
    }
}
