using System.CommandLine;
using SecureReqs.Endpoints;
using SecureReqs.Reqnroll;
using SecureReqs.Runner;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs run [features-dir] [--target &lt;name&gt;] [--config &lt;file&gt;] [--no-cache] [--cache-dir &lt;dir&gt;]
/// [--datasets &lt;dir&gt;] [--report &lt;dir&gt;]</c>: runs the stories with progress on standard error, prints the KPI table, writes results.json, the HTML report, JUnit XML,
/// SARIF and a Markdown summary (appended to <c>$GITHUB_STEP_SUMMARY</c> when set), and exits 0/1/2.
/// </summary>
internal static class RunCommand
{
    /// <summary>Plain progress lines for one story come at most this often.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    public static Command Create(TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        var features = new Argument<DirectoryInfo?>("features-dir") { Arity = ArgumentArity.ZeroOrOne, Description = "The folder of .feature files (default: features/)." };
        var target = new Option<string?>("--target") { Description = "Run every story against this target instead of the one it names (for example demo:naive)." };
        var datasets = new Option<DirectoryInfo?>("--datasets") { Description = "The datasets folder (default: the nearest adversarial-datasets/ above the features folder)." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Where results.json, report.html, junit.xml, results.sarif, summary.md and the Reqnroll reports go (default: securereqs-report/)." };
        var sourceRoot = new Option<DirectoryInfo?>("--source-root") { Description = "The repository root that SARIF locations are relative to (default: the nearest folder above the features holding .git, else the current folder)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Cases in flight at once per story.", DefaultValueFactory = _ => 8 };
        var config = ConfigOption();
        var noCache = new Option<bool>("--no-cache") { Description = "Send every request to the configured targets instead of replaying answers from the response cache (nothing is written to it either)." };
        var cacheDir = new Option<DirectoryInfo?>("--cache-dir") { Description = "Where the response cache of configured targets lives (default: .securereqs/cache beside securereqs.json)." };
        var command = new Command("run", "Run the security stories and exit 0 when every story passes, 1 when any fails or is inconclusive, 2 on a usage or configuration error.")
        {
            features,
            target,
            datasets,
            report,
            concurrency,
            sourceRoot,
            config,
            noCache,
            cacheDir,
        };
        command.SetAction((parse, ct) =>
        {
            var featuresDir = parse.GetValue(features)?.FullName ?? Path.GetFullPath("features");
            return RunAsync(
                featuresDir,
                parse.GetValue(target),
                parse.GetValue(datasets)?.FullName,
                parse.GetValue(report)?.FullName ?? Path.GetFullPath("securereqs-report"),
                parse.GetValue(concurrency),
                parse.GetValue(sourceRoot)?.FullName ?? FindSourceRoot(featuresDir),
                parse.GetValue(config)?.FullName,
                new EndpointTargetSettings { TimeProvider = time, UseCache = !parse.GetValue(noCache), CacheDirectory = parse.GetValue(cacheDir)?.FullName, GetEnvironmentVariable = environment.Get },
                output,
                error,
                time,
                environment,
                ct);
        });
        return command;
    }

    /// <summary>The <c>--config</c> option shared by the commands that read securereqs.json.</summary>
    /// <returns>The option.</returns>
    public static Option<FileInfo?> ConfigOption() =>
        new("--config") { Description = $"The securereqs.json that declares endpoint targets (default: ${SecureReqsConfiguration.EnvironmentVariable}, else securereqs.json in the current folder)." };

    /// <summary>Loads the configured targets, or null when there is no configuration.</summary>
    /// <param name="configFile">The --config path, or null.</param>
    /// <param name="settings">The clock, cache and environment.</param>
    /// <returns>The targets, or null.</returns>
    public static EndpointTargets? LoadEndpoints(string? configFile, EndpointTargetSettings settings) =>
        SecureReqsConfiguration.Find(configFile, Directory.GetCurrentDirectory(), settings.GetEnvironmentVariable) is { } path
            ? EndpointTargets.Create(SecureReqsConfiguration.Load(path), settings)
            : null;

    /// <summary>A registry of one command: the targets registered in code, then the demo and configured ones are added.</summary>
    /// <returns>The registry.</returns>
    public static TargetRegistry RegistryOfThisRun()
    {
        var targets = new TargetRegistry();
        foreach (var registered in TargetRegistry.Shared.All)
        {
            targets.Add(registered);
        }

        return targets;
    }

    private static async Task<int> RunAsync(
        string featuresDir,
        string? target,
        string? datasetsDir,
        string reportDir,
        int concurrency,
        string sourceRoot,
        string? configFile,
        EndpointTargetSettings endpointSettings,
        TextWriter output,
        TextWriter error,
        TimeProvider time,
        CliEnvironment environment,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(featuresDir))
        {
            await error.WriteLineAsync($"securereqs: the features folder {featuresDir} does not exist. Pass the folder of your .feature files: securereqs run <features-dir>.").ConfigureAwait(false);
            return CliApp.UsageError;
        }

        using var endpoints = LoadEndpoints(configFile, endpointSettings);
        var settings = new SecureReqsSettings
        {
            TargetOverride = target,
            RunOptions = new SecurityRunOptions { MaxConcurrency = concurrency, TimeProvider = time },
            Targets = RegistryOfThisRun(),
            Endpoints = endpoints,
        };
        settings.RunOptions.Validate();
        settings.DatasetsDirectory = datasetsDir ?? DatasetCatalog.FindDefaultRoot(featuresDir) ?? settings.DatasetsDirectory;
        settings.TargetsWithDefaults();
        if (target is not null)
        {
            settings.Targets.Get(target);

            // A missing key is reported now, before any story runs.
            endpoints?.Prepare(target);
        }

        Directory.CreateDirectory(reportDir);
        var started = time.GetUtcNow();
        var runner = new FeatureRunner(new FeatureRunnerOptions
        {
            FeaturesDirectory = featuresDir,
            TestAssembly = typeof(SecuritySteps).Assembly,
            ReportsDirectory = Path.Combine(reportDir, "reqnroll"),
            ConfigureGlobalContainer = container => container.RegisterInstanceAs(settings),
            ConfigureScenarioContainer = (container, id) => container.RegisterInstanceAs(new StoryKey { Id = id }),
        });
        var results = environment.IsInteractive
            ? await LiveProgress.ShowAsync(error, progress =>
            {
                settings.Progress = progress;
                return runner.RunAsync(cancellationToken);
            }).ConfigureAwait(false)
            : await RunWithPlainProgressAsync(runner, settings, error, cancellationToken).ConfigureAwait(false);
        var report = new SecurityReport
        {
            Target = target,
            FeaturesDirectory = featuresDir,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Stories = [.. results.Select(r => ToOutcome(r, settings.Journal))],
        };

        KpiTable.Write(report, output);
        foreach (var story in report.Stories.Where(s => s.Record?.Notes.Count > 0))
        {
            foreach (var note in story.Record!.Notes)
            {
                await output.WriteLineAsync($"Note ({story.Scenario}): {note}").ConfigureAwait(false);
            }
        }

        foreach (var story in report.Stories.Where(s => s.Status is not (StoryStatus.Passed or StoryStatus.Skipped)))
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"{ResultsJsonWriter.Name(story.Status).ToUpperInvariant()}: {story.Feature}: {story.Scenario} ({story.File})").ConfigureAwait(false);
            await output.WriteLineAsync(story.Message).ConfigureAwait(false);
        }

        foreach (var story in report.Stories)
        {
            foreach (var warning in story.Warnings)
            {
                await error.WriteLineAsync($"warning: {story.Feature}: {story.Scenario} ({story.File}:{story.Line}): {warning}").ConfigureAwait(false);
            }
        }

        var written = WriteReports(report, reportDir, sourceRoot, environment);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"{report.Stories.Count} stories: {report.Count(StoryStatus.Passed)} passed, {report.Count(StoryStatus.Failed)} failed, {report.Count(StoryStatus.Inconclusive)} inconclusive, {report.Count(StoryStatus.Error)} errors, {report.Count(StoryStatus.Skipped)} skipped.").ConfigureAwait(false);
        await output.WriteLineAsync($"Reports: {string.Join(", ", written)}").ConfigureAwait(false);
        if (endpoints is not null)
        {
            var requests = report.Stories.SelectMany(s => s.Record?.Run?.Cases ?? []).SelectMany(c => c.Requests).ToList();
            await output.WriteLineAsync(endpoints.CacheDirectory is { } cache
                ? $"Target requests: {requests.Count} answered, {requests.Count(r => r.Cached)} of them from the response cache ({cache})."
                : $"Target requests: {requests.Count} answered (response cache off).").ConfigureAwait(false);
        }

        return report.Count(StoryStatus.Error) > 0 ? CliApp.UsageError
            : report.AllPassed ? CliApp.Success
            : CliApp.Failed;
    }

    private static async Task<IReadOnlyList<ScenarioRunResult>> RunWithPlainProgressAsync(FeatureRunner runner, SecureReqsSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        settings.Progress = new PlainProgressWriter(error, ProgressInterval);
        return await runner.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<string> WriteReports(SecurityReport report, string reportDir, string sourceRoot, CliEnvironment environment)
    {
        var files = new List<string>
        {
            Path.Combine(reportDir, "results.json"),
            Path.Combine(reportDir, "report.html"),
            Path.Combine(reportDir, "junit.xml"),
            Path.Combine(reportDir, "results.sarif"),
            Path.Combine(reportDir, "summary.md"),
        };
        ResultsJsonWriter.Write(report, files[0]);
        HtmlReportWriter.Write(report, files[1]);
        JUnitXmlWriter.Write(report, files[2]);
        SarifWriter.Write(report, files[3], sourceRoot);
        File.WriteAllText(files[4], MarkdownSummaryWriter.Render(report));
        if (environment.Get(MarkdownSummaryWriter.GitHubStepSummaryVariable) is { } summary)
        {
            MarkdownSummaryWriter.Append(report, summary);
            files.Add(summary);
        }

        return files;
    }

    // SARIF locations are relative to the repository the features live in, as code scanning expects.
    private static string FindSourceRoot(string featuresDir)
    {
        for (var dir = new DirectoryInfo(featuresDir); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static StoryOutcome ToOutcome(ScenarioRunResult result, StoryJournal journal)
    {
        var record = journal.Find(result.Id);
        var status = result.Status switch
        {
            ScenarioRunStatus.Passed => StoryStatus.Passed,
            ScenarioRunStatus.Skipped => StoryStatus.Skipped,
            ScenarioRunStatus.Failed when result.Error is SecurityRequirementException { Result.Verdict: Verdict.Inconclusive } => StoryStatus.Inconclusive,
            ScenarioRunStatus.Failed when result.Error is SecurityRequirementException => StoryStatus.Failed,
            _ => StoryStatus.Error,
        };
        return new StoryOutcome
        {
            File = result.FeatureFile,
            Line = result.Line,
            Feature = result.FeatureName,
            Scenario = result.Example is null ? result.ScenarioName : $"{result.ScenarioName} [{result.Example}]",
            Tags = result.Tags,
            Status = status,
            Message = result.Message,
            Record = record,
            Duration = result.Duration,
        };
    }
}
