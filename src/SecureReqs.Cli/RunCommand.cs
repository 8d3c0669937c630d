using System.CommandLine;
using SecureReqs.Demo;
using SecureReqs.Endpoints;
using SecureReqs.Reqnroll;
using SecureReqs.Runner;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs run [features-dir] [--target &lt;name&gt;] [--config &lt;file&gt;] [--no-cache] [--cache-dir &lt;dir&gt;]
/// [--datasets &lt;dir&gt;] [--report &lt;dir&gt;] [--baseline &lt;results.json&gt;]</c>: runs the stories with progress on standard error, prints the KPI table, writes results.json, the HTML report, JUnit XML,
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
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once to the target (1–256), whatever its kind; a configured target's own maxConcurrentRequests caps it (docs/performance.md).", DefaultValueFactory = _ => 8 };
        var config = ConfigOption();
        var replay = new Option<bool>("--replay") { Description = "Answer every request to a configured target (attacker models and semantic judges included) only from the response cache: nothing is sent, and a request the cache holds no answer for errors its case. Re-judges a recorded run (docs/adaptive.md)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Send every request to the configured targets instead of replaying answers from the response cache (nothing is written to it either)." };
        var tags = TagsOption();
        var sign = new Option<bool>("--sign") { Description = "Sign results.json (results.json.sig, EC P-256) with the private key in the --key-env variable; verify with 'securereqs evidence verify'." };
        var keyEnv = new Option<string>("--key-env") { Description = "The environment variable holding the signing key for --sign.", DefaultValueFactory = _ => ManifestSigningKey.DefaultVariable };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "The results.json of a previous run (the last release): report.html shows what changed since it, as 'securereqs gate --baseline' compares (the exit code still follows the stories; gate to block on a regression)." };
        var shard = new Option<string?>("--shard") { Description = "Send only shard i of n of every story's cases (for example 2/4), for a CI job of a matrix; the shard writes shard.json, and 'securereqs merge' adds the shards up and judges every story (docs/ci.md)." };
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
            replay,
            cacheDir,
            tags,
            sign,
            keyEnv,
            baseline,
            shard,
        };
        command.SetAction(async (parse, ct) =>
        {
            _ = Warmup.Start();
            Warmup.ReserveThreads(Math.Clamp(parse.GetValue(concurrency), 1, 256));
            ShardSpec? part;
            try
            {
                part = parse.GetValue(shard) is { } text ? ShardSpec.Parse(text) : null;
            }
            catch (SecureReqsException ex)
            {
                await error.WriteLineAsync("securereqs: " + ex.Message).ConfigureAwait(false);
                return CliApp.UsageError;
            }

            // A missing signing key is found before the run, not after it.
            using var key = parse.GetValue(sign) ? ManifestSigningKey.FromEnvironment(parse.GetValue(keyEnv)!, environment.Get) : null;

            // So is an unreadable baseline: it is read before the report folder is touched.
            var previous = parse.GetValue(baseline) is { } b ? ResultsJsonReader.Read(b.FullName) : null;
            var featuresDir = parse.GetValue(features)?.FullName ?? Path.GetFullPath("features");
            var session = new StorySession
            {
                FeaturesDirectory = featuresDir,
                Target = parse.GetValue(target),
                DatasetsDirectory = parse.GetValue(datasets)?.FullName,
                ConfigFile = parse.GetValue(config)?.FullName,
                Concurrency = parse.GetValue(concurrency),
                Tags = parse.GetValue(tags),
                Shard = part,
                EndpointSettings = new EndpointTargetSettings { TimeProvider = time, UseCache = !parse.GetValue(noCache), ReplayOnly = parse.GetValue(replay), CacheDirectory = parse.GetValue(cacheDir)?.FullName, GetEnvironmentVariable = environment.Get, Concurrency = parse.GetValue(concurrency) },
                Time = time,
            };
            return await RunAsync(
                session,
                key,
                previous,
                parse.GetValue(report)?.FullName ?? Path.GetFullPath("securereqs-report"),
                parse.GetValue(sourceRoot)?.FullName ?? FindSourceRoot(featuresDir),
                output,
                error,
                time,
                environment,
                ct).ConfigureAwait(false);
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

    /// <summary>A registry of one command: the targets and providers registered in code, then the demo's and the configured targets' providers.</summary>
    /// <param name="endpoints">The targets of the securereqs.json in use, or null.</param>
    /// <returns>The registry.</returns>
    public static TargetRegistry RegistryOfThisRun(EndpointTargets? endpoints)
    {
        var targets = new TargetRegistry();
        foreach (var registered in TargetRegistry.Shared.All)
        {
            targets.Add(registered);
        }

        foreach (var provider in TargetRegistry.Shared.Providers)
        {
            targets.AddProvider(provider);
        }

        // The command plugs in the demo and the securereqs.json it was given; the bindings know neither.
        targets.AddProvider(DemoTargets.Provider);
        if (endpoints is not null)
        {
            targets.AddProvider(endpoints);
        }

        return targets;
    }

    /// <summary>Exit code of a run stopped by SIGINT or SIGTERM (128 + SIGINT), as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>The <c>--tags</c> option of the commands that read stories.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> TagsOption() =>
        new("--tags") { Description = "Only the stories matching this Cucumber tag expression, for example \"@owasp:LLM01 and not @slow\"." };

    private static async Task<int> RunAsync(
        StorySession session,
        ManifestSigningKey? key,
        ResultsFile? baseline,
        string reportDir,
        string sourceRoot,
        TextWriter output,
        TextWriter error,
        TimeProvider time,
        CliEnvironment environment,
        CancellationToken cancellationToken)
    {
        // A malformed configuration is named first: it is wrong whatever the stories say.
        using var endpoints = LoadEndpoints(session.ConfigFile, session.EndpointSettings);
        if (session.CheckArguments() is { } problem)
        {
            await error.WriteLineAsync("securereqs: " + problem).ConfigureAwait(false);
            return CliApp.UsageError;
        }

        // Earlier results must never be gated as this run's: they go before anything else (a run that stops at its
        // pre-flight leaves no passing file behind), and an in-progress results.json (complete: false) takes their place
        // until the run ends.
        var started = time.GetUtcNow();
        var configurationHash = StorySession.Sha256OrNull(session.ConfigurationPath);
        ReportFiles.RemoveStale(reportDir);
        ReportFiles.Write(new SecurityReport { Target = session.Target, FeaturesDirectory = session.FeaturesDirectory, StartedAt = started, FinishedAt = started, Stories = [], Complete = false, ConfigurationSha256 = configurationHash }, reportDir, sourceRoot);

        // Pre-flight: every story is read and checked before a single request is paid for.
        var preflight = await LintCommand.PreflightAsync(session, endpoints, cancellationToken).ConfigureAwait(false);
        if (preflight.Problems.Count > 0)
        {
            await LintCommand.WriteAsync(preflight, output, error).ConfigureAwait(false);
            return CliApp.UsageError;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("securereqs: stopped before the first request; nothing was sent, and results.json says the run is incomplete.").ConfigureAwait(false);
            return Interrupted;
        }

        await LintCommand.WriteAsync(preflight, error, error).ConfigureAwait(false);
        foreach (var capped in endpoints?.Configuration.Targets.Where(t => t.Resilience.MaxConcurrentRequests < session.Concurrency && (session.Target is null || session.Target == t.Name)) ?? [])
        {
            await error.WriteLineAsync($"note: target \"{capped.Name}\" declares \"maxConcurrentRequests\": {capped.Resilience.MaxConcurrentRequests} in {endpoints!.Configuration.FilePath}, so at most {capped.Resilience.MaxConcurrentRequests} requests are in flight to it, not --concurrency {session.Concurrency}.").ConfigureAwait(false);
        }

        var settings = session.Settings(endpoints, preflight: false, cancellationToken);

        // Every case goes to results.ndjson as it finishes; the stories keep counts and samples, so memory stays flat.
        using var stream = new CaseStreamWriter(Path.Combine(reportDir, CaseStreamWriter.FileName), sourceRoot);
        settings.OnCaseCompleted = stream.Write;
        settings.KeepCases = false;
        var runner = session.Runner(settings, Path.Combine(reportDir, "reqnroll"));
        var results = environment.IsInteractive
            ? await LiveProgress.ShowAsync(error, progress =>
            {
                settings.Progress = progress;
                return runner.RunAsync(cancellationToken);
            }).ConfigureAwait(false)
            : await RunWithPlainProgressAsync(runner, settings, error, cancellationToken).ConfigureAwait(false);
        var interrupted = runner.Interrupted || cancellationToken.IsCancellationRequested;
        var report = new SecurityReport
        {
            Target = session.Target,
            FeaturesDirectory = session.FeaturesDirectory,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Stories = [.. results.Select(r => StorySession.ToStory(r, settings.Journal))],
            Complete = !interrupted,
            Interrupted = interrupted,
            DryRun = runner.DryRun,
            ConfigurationSha256 = configurationHash,
            Features = StorySession.FeatureHashes(runner),
            Baseline = baseline,
            Shard = session.Shard?.ToString(),
        };

        stream.Flush();
        var extra = new List<string> { stream.Path };
        if (session.Shard is { } shard && !interrupted && !runner.DryRun)
        {
            // What 'securereqs merge' adds up: written only when the shard's run finished.
            var shardFile = Path.Combine(reportDir, ShardFile.FileName);
            File.WriteAllText(shardFile, new ReportSanitizer(report.Secrets, sourceRoot).Clean(ShardFile.Render(shard, report, session.Tags)));
            extra.Add(shardFile);
        }

        return await ReportAsync(report, reportDir, sourceRoot, extra, key, endpoints, output, error, time, environment).ConfigureAwait(false);
    }

    /// <summary>
    /// Prints the KPI table, the notes and the failures, writes every report (signed when a key is given), and returns
    /// the exit code: what a run and a merge share once their stories are judged.
    /// </summary>
    /// <param name="report">The judged stories.</param>
    /// <param name="reportDir">The report folder.</param>
    /// <param name="sourceRoot">The repository root.</param>
    /// <param name="extra">Files already written into the report folder (results.ndjson, shard.json).</param>
    /// <param name="key">The signing key, or null.</param>
    /// <param name="endpoints">The configured targets, or null.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="time">The clock.</param>
    /// <param name="environment">The environment.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> ReportAsync(SecurityReport report, string reportDir, string sourceRoot, IReadOnlyList<string> extra, ManifestSigningKey? key, EndpointTargets? endpoints, TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        var baseline = report.Baseline;
        var interrupted = report.Interrupted;
        // Everything printed about the run passes the same sanitizer as the report files.
        var sanitizer = new ReportSanitizer(report.Secrets, sourceRoot);
        using (var text = new StringWriter())
        {
            WriteSummary(report, text);
            await output.WriteAsync(sanitizer.Clean(text.ToString())).ConfigureAwait(false);
        }

        // A shard's warnings are about its part of the cases (a KPI "measured over" a fraction): the merge gives the real ones.
        foreach (var story in report.Shard is null ? report.Stories : [])
        {
            foreach (var warning in story.Warnings)
            {
                await error.WriteLineAsync(sanitizer.Clean($"warning: {story.Feature}: {story.Scenario} ({story.File}:{story.Line}): {warning}")).ConfigureAwait(false);
            }
        }

        var written = new List<string>(ReportFiles.Write(report, reportDir, sourceRoot));
        written.AddRange(extra);
        if (key is not null)
        {
            var resultsFile = Path.Combine(reportDir, "results.json");
            EvidenceSignature.SignFile(resultsFile, key, time);
            written.Add(EvidenceSignature.PathFor(resultsFile));
            // A shard's counts are what the merge adds up: signed too, so 'merge --sign' can refuse a changed one.
            var shardFile = Path.Combine(reportDir, ShardFile.FileName);
            if (report.Shard is not null && File.Exists(shardFile))
            {
                EvidenceSignature.SignFile(shardFile, key, time);
                written.Add(EvidenceSignature.PathFor(shardFile));
            }
        }
        if (environment.Get(MarkdownSummaryWriter.GitHubStepSummaryVariable) is { } summary)
        {
            ReportFiles.AppendSummary(report, summary, sourceRoot);
            written.Add(summary);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"{report.Stories.Count} stories: {report.Count(StoryStatus.Passed)} passed, {report.Count(StoryStatus.Failed)} failed, {report.Count(StoryStatus.Inconclusive)} inconclusive, {report.Count(StoryStatus.Error)} errors, {report.Count(StoryStatus.Skipped)} skipped.").ConfigureAwait(false);
        if (baseline is not null)
        {
            var rows = ReleaseGate.Evaluate(ResultsFile.From(report), baseline).Rows;
            await output.WriteLineAsync($"Since the baseline ({baseline.Path}): {rows.Count(r => r.Change == KpiChange.Regressed)} KPIs regressed, {rows.Count(r => r.Change == KpiChange.Improved)} improved, {rows.Count(r => r.Change is KpiChange.Worse or KpiChange.Better)} moved within chance, {rows.Count(r => r.Change == KpiChange.Unchanged)} unchanged (report.html shows each; 'securereqs gate --baseline' fails on a regression).").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Reports: {string.Join(", ", written)}").ConfigureAwait(false);
        if (endpoints is not null && report.MergedShards is null)
        {
            var requests = report.Stories.Select(s => s.Record?.Run?.Tally.Consumption()).OfType<RunConsumption>().ToList();
            await output.WriteLineAsync(endpoints.CacheDirectory is { } cache
                ? $"Target requests: {requests.Sum(r => r.Requests)} answered, {requests.Sum(r => r.CachedRequests)} of them from the response cache ({cache}){(endpoints.ReplayOnly ? "; a replay: nothing was sent to a configured target" : "")}."
                : $"Target requests: {requests.Sum(r => r.Requests)} answered (response cache off).").ConfigureAwait(false);
        }

        if (interrupted)
        {
            await error.WriteLineAsync($"securereqs: the run was interrupted: {report.Stories.Count} stories finished or stopped; the reports are marked incomplete and cannot pass a gate.").ConfigureAwait(false);
            return Interrupted;
        }

        if (report.DryRun)
        {
            await error.WriteLineAsync("securereqs: REQNROLL_DRY_RUN is set: nothing was sent or measured, and the reports are marked as a dry run. Unset it to run the stories.").ConfigureAwait(false);
            return CliApp.UsageError;
        }

        if (report.Shard is { } shard)
        {
            // A shard's verdicts stand for its part of the cases only: the merge judges the run, and the gate blocks on it.
            await output.WriteLineAsync($"This is shard {shard}: its verdicts cover only its part of the cases, and its results.json cannot pass a gate. Merge every shard's report folder with 'securereqs merge' and gate the merged results (docs/ci.md).").ConfigureAwait(false);
            return report.Count(StoryStatus.Error) > 0 ? CliApp.UsageError : CliApp.Success;
        }

        return report.Count(StoryStatus.Error) > 0 ? CliApp.UsageError
            : report.AllPassed ? CliApp.Success
            : CliApp.Failed;
    }

    private static void WriteSummary(SecurityReport report, TextWriter output)
    {
        KpiTable.Write(report, output);
        foreach (var story in report.Stories.Where(s => s.Record?.Notes.Count > 0))
        {
            foreach (var note in story.Record!.Notes)
            {
                foreach (var line in TextTable.Wrap($"Note ({story.Scenario}): {note}", TextTable.DefaultWidth, "  "))
                {
                    output.WriteLine(line);
                }
            }
        }

        // Failures come as one line per requirement that did not pass (one line, so a CI log can be searched): the
        // sentence and a few case ids; every case is in report.html and results.json.
        foreach (var story in report.Stories.Where(s => s.Status is not (StoryStatus.Passed or StoryStatus.Skipped)))
        {
            output.WriteLine();
            output.WriteLine($"{ResultsJsonWriter.Name(story.Status).ToUpperInvariant()}: {story.Feature}: {story.Scenario} ({story.File}{(story.Line > 0 ? ":" + story.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")})");
            // A story that could not run says why itself (an outage, a wrong step); its requirements follow from that.
            var notPassed = story.Results.Where(r => r.Verdict != Verdict.Pass).ToList();
            if (notPassed.Count == 0 || story.Status == StoryStatus.Error)
            {
                output.WriteLine(story.Message);
                continue;
            }

            if (story.Results.Count > 1)
            {
                output.WriteLine($"{notPassed.Count} of {story.Results.Count} requirements did not pass:");
            }

            foreach (var r in notPassed)
            {
                var verdict = ResultsJsonWriter.Name(r.Verdict).ToUpperInvariant();
                output.WriteLine($"- {verdict}: {RequirementSummary.Short(r)}");
            }
        }

        if (report.Stories.Any(s => s.Status is not (StoryStatus.Passed or StoryStatus.Skipped)))
        {
            output.WriteLine();
            output.WriteLine("Every case, with its request and answer (PII masked), is in report.html; the full case lists are in results.json.");
        }
    }

    private static async Task<IReadOnlyList<ScenarioRunResult>> RunWithPlainProgressAsync(FeatureRunner runner, SecureReqsSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        settings.Progress = new PlainProgressWriter(error, ProgressInterval);
        return await runner.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    // SARIF locations are relative to the repository the features live in, as code scanning expects.
    internal static string FindSourceRoot(string featuresDir)
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
}
