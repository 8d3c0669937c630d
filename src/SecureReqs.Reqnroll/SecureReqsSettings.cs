using SecureReqs.Demo;

namespace SecureReqs.Reqnroll;

/// <summary>
/// How the step bindings run stories: which targets exist, where datasets are, which target replaces the one a story
/// names, the run options and where results are journaled. A host (the <c>securereqs</c> command) registers an
/// instance in Reqnroll's container; under <c>dotnet test</c> the defaults come from environment variables.
/// </summary>
public sealed class SecureReqsSettings
{
    /// <summary>The environment variable naming a target that replaces the target every story names.</summary>
    public const string TargetVariable = "SECUREREQS_TARGET";

    /// <summary>The environment variable naming the datasets folder.</summary>
    public const string DatasetsVariable = "SECUREREQS_DATASETS";

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

    /// <summary>The registry with the demo targets added.</summary>
    /// <returns>The registry.</returns>
    public TargetRegistry TargetsWithDefaults() => DemoTargets.AddTo(Targets);
}
