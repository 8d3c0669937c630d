using Reqnroll.BoDi;

namespace SecureReqs.Runner;

/// <summary>Runs every Scenario and every Scenario Outline example row of a folder of <c>.feature</c> files on the
/// Reqnroll runtime, without code generation.</summary>
/// <remarks>
/// <para>Each <see cref="RunAsync"/> call is one Reqnroll test run: <c>[BeforeTestRun]</c> and <c>[AfterTestRun]</c>
/// hooks run once per call, <c>[BeforeFeature]</c> and <c>[AfterFeature]</c> once per feature. Files run in ordinal
/// order of their relative path and the scenarios of a file in document order, one after another.</para>
/// <para>Problems are results, not exceptions: a failing step, an undefined step, a failing hook or a Gherkin syntax
/// error each yield a result with a message. Reqnroll telemetry is switched off (<c>REQNROLL_TELEMETRY_ENABLED=0</c>)
/// unless the environment variable is already set.</para>
/// <para>Do not call <see cref="RunAsync"/> concurrently on one instance.</para>
/// </remarks>
/// <param name="options">The options; read when <see cref="RunAsync"/> starts.</param>
public sealed class FeatureRunner(FeatureRunnerOptions options)
{
    private const string Lane = "feature-runner";

    private readonly FeatureRunnerOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Runs the features and returns one result per scenario, in the order they ran.</summary>
    /// <param name="cancellationToken">Stops the run between scenarios (the scenario running when it fires sees it through
    /// the host's own token); the results of the scenarios that ran are returned and <see cref="Interrupted"/> is set.</param>
    /// <returns>The results, including one failed result per feature file that could not be parsed.</returns>
    /// <exception cref="ArgumentException">The options name no test assembly or a features folder that does not exist.</exception>
    public async Task<IReadOnlyList<ScenarioRunResult>> RunAsync(CancellationToken cancellationToken = default)
    {
        var testAssembly = _options.TestAssembly
            ?? throw new ArgumentException($"{nameof(FeatureRunnerOptions)}.{nameof(FeatureRunnerOptions.TestAssembly)} is required.", "options");
        if (!Directory.Exists(_options.FeaturesDirectory))
        {
            throw new ArgumentException($"The features folder '{Path.GetFullPath(_options.FeaturesDirectory)}' does not exist.", "options");
        }

        var session = ReqnrollSession.Create(new SessionOptions
        {
            TestAssembly = testAssembly,
            BindingAssemblies = [.. _options.BindingAssemblies],
            Reports = new ReportSettings(_options.ReportsDirectory is { } reports ? Path.GetFullPath(reports) : null),
            Output = _options.Output,
            ConfigureGlobalContainer = _options.ConfigureGlobalContainer,
        });

        var results = new List<ScenarioRunResult>();
        Interrupted = false;
        try
        {
            DryRun = session.IsDryRun;
            var files = FeatureCatalog.LoadDirectory(_options.FeaturesDirectory, DisplayRoot(_options.FeaturesDirectory), session.FeatureLanguage);
            Files = [.. files.Select(f => (f.RelativePath, f.FullPath))];
            var startError = await StartAsync(session).ConfigureAwait(false);
            foreach (var file in files)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                await RunFileAsync(session, file, startError, results, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await EndAsync(session).ConfigureAwait(false);
        }

        // A stopped run returns what finished; the host marks its results interrupted.
        Interrupted = cancellationToken.IsCancellationRequested;
        return results;
    }

    /// <summary>Whether the last <see cref="RunAsync"/> ran in Reqnroll's dry-run mode (<c>REQNROLL_DRY_RUN</c>): every
    /// scenario of such a run is reported failed, since no binding ran and nothing was shown.</summary>
    public bool DryRun { get; private set; }

    /// <summary>Whether the last <see cref="RunAsync"/> was stopped by its token before every scenario ran.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>The feature files the last <see cref="RunAsync"/> found: the path relative to the features folder and the full path.</summary>
    public IReadOnlyList<(string Relative, string Full)> Files { get; private set; } = [];

    private async Task RunFileAsync(
        ReqnrollSession session, FeatureFile file, Exception? startError, List<ScenarioRunResult> results, CancellationToken cancellationToken)
    {
        if (file.IsBroken)
        {
            results.Add(new ScenarioRunResult
            {
                FeatureFile = file.RelativePath,
                FeatureName = "",
                ScenarioName = "",
                Status = ScenarioRunStatus.Failed,
                Message = $"The feature file has a Gherkin syntax error:{Environment.NewLine}{file.Error}",
            });
            return;
        }

        var first = results.Count;
        foreach (var scenario in file.Scenarios.Where(scenario => _options.TagFilter?.Invoke(scenario.Tags) ?? true))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var outcome = startError is null
                ? await session.RunScenarioAsync(scenario, Lane, ConfigureScenario(scenario)).ConfigureAwait(false)
                : new ScenarioOutcome(ScenarioRunStatus.Failed, FailureMessages.BeforeTestRunFailed(startError), startError, TimeSpan.Zero);
            if (outcome.Status == ScenarioRunStatus.Undefined && outcome.StepText is { } undefined && _options.SuggestStep is { } suggest)
            {
                // A story writer needs the nearest step, not a C# skeleton to paste.
                var headline = (outcome.Message ?? "").Split('\n')[0].TrimEnd('\r').Replace(" Add a step definition:", "", StringComparison.Ordinal);
                var suggestion = suggest(undefined) is { Length: > 0 } nearest ? $" Did you mean \"{nearest}\"?" : "";
                outcome = outcome with { Message = $"{headline} No step matches it.{suggestion} ('securereqs steps' lists every step.)" };
            }

            if (DryRun && outcome.Status is ScenarioRunStatus.Passed)
            {
                outcome = outcome with { Status = ScenarioRunStatus.Failed, Message = FailureMessages.DryRun(scenario) };
            }

            results.Add(ToResult(scenario, outcome));
        }

        if (startError is null && results.Count > first)
        {
            try
            {
                await session.FinishFeatureAsync(file, Lane).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The feature's last scenario carries the [AfterFeature] failure: it ran last before the hook.
                var last = results[^1];
                results[^1] = last with
                {
                    Status = ScenarioRunStatus.Failed,
                    Message = string.Join(Environment.NewLine, new[] { last.Message, FailureMessages.AfterFeatureFailed(file.Name, file.DisplayPath, ex) }.OfType<string>()),
                };
            }
        }
    }

    // Messages name files relative to the current folder when the features are under it, else from the features
    // folder's own name: never an absolute machine path.
    private static string DisplayRoot(string featuresDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(featuresDirectory));
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFileName(full) : relative;
    }

    private Action<IObjectContainer>? ConfigureScenario(ScenarioDefinition scenario) =>
        _options.ConfigureScenarioContainer is { } configure
            ? container => configure(container, $"{scenario.Feature.RelativePath}#{scenario.PickleIndex}")
            : null;

    private async Task<Exception?> StartAsync(ReqnrollSession session)
    {
        try
        {
            await session.StartAsync().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex)
        {
            _options.Output?.Invoke(FailureMessages.BeforeTestRunFailed(ex));
            return ex;
        }
    }

    private async Task EndAsync(ReqnrollSession session)
    {
        try
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // [AfterTestRun] and left-over [AfterFeature] failures come after every result is final: report them as output.
            _options.Output?.Invoke($"A hook at the end of the test run failed:{Environment.NewLine}{ex}");
        }
    }

    private static ScenarioRunResult ToResult(ScenarioDefinition scenario, ScenarioOutcome outcome) => new()
    {
        FeatureFile = scenario.Feature.RelativePath,
        FeatureName = scenario.Feature.Name,
        ScenarioName = scenario.Name,
        Example = scenario.Example,
        Line = scenario.Line,
        Tags = scenario.Tags,
        Status = outcome.Status,
        Message = outcome.Message,
        Duration = outcome.Duration,
        PickleIndex = scenario.PickleIndex,
        Error = outcome.Error,
        StepText = outcome.StepText,
    };
}
