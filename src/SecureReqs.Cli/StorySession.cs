using SecureReqs.Endpoints;
using SecureReqs.Reqnroll;
using SecureReqs.Runner;

namespace SecureReqs.Cli;

/// <summary>What the run and lint commands share: the options of one invocation, how stories are run on the Reqnroll
/// runtime, and how a scenario's end becomes a story status.</summary>
internal sealed class StorySession
{
    public required string FeaturesDirectory { get; init; }

    public string? Target { get; init; }

    public string? DatasetsDirectory { get; init; }

    public string? ConfigFile { get; init; }

    /// <summary>A Cucumber tag expression choosing the stories (<c>@smoke and not @slow</c>), or null for all.</summary>
    public string? Tags { get; init; }

    public int Concurrency { get; init; } = 8;

    public required EndpointTargetSettings EndpointSettings { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>The shard each story sends (<c>--shard i/n</c>), or null.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>The shards each story adds up instead of sending (<c>securereqs merge</c>), or null.</summary>
    public ShardMerge? Merge { get; init; }

    /// <summary>Checks what can be checked before any story is read; each problem names the fix.</summary>
    /// <returns>The problem, or null.</returns>
    public string? CheckArguments()
    {
        if (!Directory.Exists(FeaturesDirectory))
        {
            return $"the features folder {FeaturesDirectory} does not exist. Pass the folder of your .feature files: securereqs run <features-dir>.";
        }

        if (!Directory.EnumerateFiles(FeaturesDirectory, "*.feature", SearchOption.AllDirectories).Any())
        {
            return $"the features folder {FeaturesDirectory} holds no .feature file, so there is no story to run. Pass the folder of your .feature files, or write a story (see README.md and docs/steps.md).";
        }

        if (Concurrency is < 1 or > 256)
        {
            return $"--concurrency {Concurrency} is out of range: it is the number of requests in flight at once per story, between 1 and 256 (default 8).";
        }

        return null;
    }

    /// <summary>The path of the securereqs.json in use, or null.</summary>
    public string? ConfigurationPath => SecureReqsConfiguration.Find(ConfigFile, Directory.GetCurrentDirectory(), EndpointSettings.GetEnvironmentVariable);

    /// <summary>Creates the settings of one pass over the stories (a pre-flight or the run).</summary>
    /// <param name="endpoints">The configured targets, or null.</param>
    /// <param name="preflight">Whether stories are only checked.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The settings.</returns>
    public SecureReqsSettings Settings(EndpointTargets? endpoints, bool preflight, CancellationToken cancellationToken)
    {
        var settings = new SecureReqsSettings
        {
            TargetOverride = Target,
            RunOptions = new SecurityRunOptions { MaxConcurrency = Concurrency, TimeProvider = Time },
            Targets = RunCommand.RegistryOfThisRun(endpoints),
            Preflight = preflight,
            CancellationToken = cancellationToken,
            Shard = Shard,
            Merge = Merge,
        };
        settings.RunOptions.Validate();
        settings.DatasetsDirectory = DatasetsDirectory ?? DatasetCatalog.FindDefaultRoot(FeaturesDirectory) ?? settings.DatasetsDirectory;
        settings.TargetsWithDefaults();
        if (Target is not null)
        {
            settings.GetTarget(Target);

            // A missing key is reported now, before any story runs (a merge sends nothing, so it needs none).
            if (Merge is null)
            {
                endpoints?.Prepare(Target);
            }
        }

        return settings;
    }

    /// <summary>The runner of one pass.</summary>
    /// <param name="settings">The settings its bindings receive.</param>
    /// <param name="reqnrollReports">Where Reqnroll's own reports go, or null for none.</param>
    /// <returns>The runner.</returns>
    public FeatureRunner Runner(SecureReqsSettings settings, string? reqnrollReports)
    {
        Func<IReadOnlyList<string>, bool>? filter = null;
        if (Tags is { Length: > 0 } text)
        {
            try
            {
                filter = TagExpression.Parse(text).Evaluate;
            }
            catch (TagExpressionException ex)
            {
                throw new SecureReqsException("--tags: " + ex.Message, ex);
            }
        }
        return new FeatureRunner(new FeatureRunnerOptions
        {
            FeaturesDirectory = FeaturesDirectory,
            TestAssembly = typeof(SecuritySteps).Assembly,
            ReportsDirectory = reqnrollReports,
            ConfigureGlobalContainer = container => container.RegisterInstanceAs(settings),
            ConfigureScenarioContainer = (container, id) => container.RegisterInstanceAs(new StoryKey { Id = id }),
            TagFilter = filter,
            SuggestStep = StepSuggestions.Nearest,
        });
    }

    /// <summary>The SHA-256 of each feature file, for the evidence pack.</summary>
    /// <param name="runner">The runner after its run.</param>
    /// <returns>The hashes.</returns>
    public static IReadOnlyList<ResultsFeature> FeatureHashes(FeatureRunner runner) =>
        [.. runner.Files.Select(f => new ResultsFeature(f.Relative, FileHashes.Sha256(f.Full)))];

    /// <summary>The SHA-256 of a file, lower-case hex, or null when it cannot be read.</summary>
    /// <param name="path">The file, or null.</param>
    /// <returns>The hash.</returns>
    public static string? Sha256OrNull(string? path) => path is not null && File.Exists(path) ? FileHashes.Sha256(path) : null;

    /// <summary>The story of a scenario's result: its status follows the engine's record, so a scenario can pass only
    /// with evidence.</summary>
    /// <param name="result">The scenario's result.</param>
    /// <param name="journal">The journal of the pass.</param>
    /// <returns>The story.</returns>
    public static ResultsStory ToStory(ScenarioRunResult result, StoryJournal journal)
    {
        var record = journal.Find(result.Id);
        var (status, message) = Status(result, record);
        return ResultsStory.Of(
            new ResultsStory
            {
                File = result.FeatureFile,
                Line = result.Line,
                Feature = result.FeatureName,
                Scenario = result.Example is null ? result.ScenarioName : $"{result.ScenarioName} [{result.Example}]",
                Tags = result.Tags,
                Status = status,
                Message = message,
                Duration = result.Duration,
            },
            record);
    }

    private static (StoryStatus Status, string? Message) Status(ScenarioRunResult result, StoryRecord? record)
    {
        var where = $"{result.FeatureFile}:{result.Line}";
        if (result.Status == ScenarioRunStatus.Skipped)
        {
            return (StoryStatus.Skipped, result.Message);
        }

        if (record?.Run is { CaseCount: > 0 } run && run.Count(Outcome.Errored) == run.CaseCount && !run.Interrupted && run.Tally.FirstError is { } first)
        {
            return (StoryStatus.Error, $"The target did not answer: all {run.CaseCount} cases ended in an error, so nothing was measured (this is an outage, not a leak). First error ({first.Id}): {first.Error}");
        }

        if (result.Status == ScenarioRunStatus.Passed)
        {
            return record is { Evaluated: true }
                ? (StoryStatus.Passed, null)
                : (StoryStatus.Error, $"No evidence ({where}): the scenario passed without checking any requirement, so it shows nothing. Add a Then step such as 'Then the redaction rate is at least 99%' (see 'securereqs steps').");
        }

        // A failure raised when the story was checked at its end says everything itself; the story's file and line are
        // recorded beside it.
        var message = result.Error?.Data[StoryContext.EndOfStoryKey] is true ? result.Error.Message : result.Message;
        return result.Error switch
        {
            SecurityRequirementException failed when failed.Results.Any(r => r.Verdict == Verdict.Fail) => (StoryStatus.Failed, message),
            SecurityRequirementException => (StoryStatus.Inconclusive, message),
            _ => (StoryStatus.Error, message),
        };
    }
}
