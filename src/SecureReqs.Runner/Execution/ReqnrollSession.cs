using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Reqnroll;
using Reqnroll.BoDi;
using Reqnroll.Configuration;

namespace SecureReqs.Runner;

/// <summary>One Reqnroll test run: a global container, its test runner manager, and the per-scenario call sequence
/// that generated code-behind would otherwise perform.</summary>
/// <remarks>
/// <para>The session owns its container and does not use Reqnroll's static per-assembly registry, so several runs of
/// the same test assembly (one per <see cref="FeatureRunner"/> call) stay independent.</para>
/// <para>Thread-safe for scenarios of different lanes; scenarios of one lane (an xUnit test class, the command line)
/// must run one after another.</para>
/// </remarks>
internal sealed class ReqnrollSession : IAsyncDisposable
{
    private readonly ITestRunnerManager _manager;
    private readonly ConcurrentDictionary<string, FeatureFile> _currentFeatureByLane = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private Task? _start;
    private int _disposed;

    private ReqnrollSession(IObjectContainer globalContainer, ITestRunnerManager manager)
    {
        GlobalContainer = globalContainer;
        _manager = manager;
    }

    public IObjectContainer GlobalContainer { get; }

    public ReqnrollConfiguration Configuration => GlobalContainer.Resolve<ReqnrollConfiguration>();

    /// <summary>The ScenarioContext key under which each scenario gets a map from a step's text to its <c>file:line</c>.</summary>
    public const string StepLocationsKey = "SecureReqs.StepLocations";

    /// <summary>Whether Reqnroll runs in dry-run mode (<c>REQNROLL_DRY_RUN</c>): steps are matched, bindings and hooks never run.</summary>
    public bool IsDryRun => GlobalContainer.Resolve<global::Reqnroll.EnvironmentAccess.IEnvironmentOptions>().IsDryRun;

    public CultureInfo FeatureLanguage => Configuration.FeatureLanguage ?? CultureInfo.GetCultureInfo("en-US");

    public static ReqnrollSession Create(SessionOptions options)
    {
        ReqnrollTelemetry.DisableUnlessConfigured();
        CultureSupport.EnsureNamedCultures();
        var builder = new RunnerContainerBuilder(options);
        var container = builder.CreateGlobalContainer(options.TestAssembly);
        var manager = container.Resolve<ITestRunnerManager>();
        manager.Initialize(options.TestAssembly);
        return new ReqnrollSession(container, manager);
    }

    /// <summary>Runs the <c>[BeforeTestRun]</c> hooks once; later calls return the first call's task.</summary>
    public async Task StartAsync()
    {
        await _startLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _start ??= _manager.FireTestRunStartAsync();
        }
        finally
        {
            _startLock.Release();
        }

        await _start.ConfigureAwait(false);
    }

    /// <summary>Runs <c>[AfterFeature]</c> hooks of a feature whose scenarios are all done.</summary>
    public async Task FinishFeatureAsync(FeatureFile feature, string lane)
    {
        if (feature.FeatureInfo is not { } featureInfo)
        {
            return;
        }

        _currentFeatureByLane.TryRemove(new KeyValuePair<string, FeatureFile>(lane, feature));
        await _manager.EndFeatureForAvailableTestRunnersAsync(featureInfo).ConfigureAwait(false);
    }

    /// <summary>Runs one scenario and reports its outcome; problems in the scenario are data, not exceptions.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="lane">Scenarios of one lane run in sequence; a lane moving to another feature ends the previous one.</param>
    /// <param name="configureScenarioContainer">Registers host objects (such as an output helper) for the scenario's bindings.</param>
    public async Task<ScenarioOutcome> RunScenarioAsync(
        ScenarioDefinition scenario, string lane, Action<IObjectContainer>? configureScenarioContainer = null)
    {
        var featureInfo = scenario.Feature.FeatureInfo
            ?? throw new InvalidOperationException($"The feature file {scenario.Feature.DisplayPath} was not parsed.");
        var stopwatch = Stopwatch.StartNew();

        var previous = _currentFeatureByLane.GetValueOrDefault(lane);
        _currentFeatureByLane[lane] = scenario.Feature;
        if (previous?.FeatureInfo is { } previousInfo && !ReferenceEquals(previousInfo, featureInfo))
        {
            try
            {
                await _manager.EndFeatureForAvailableTestRunnersAsync(previousInfo).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // As in generated code-behind, the scenario that moves the lane on reports the previous feature's [AfterFeature] failure.
                return new ScenarioOutcome(ScenarioRunStatus.Failed, FailureMessages.AfterFeatureFailed(previous.Name, previous.DisplayPath, ex), ex, stopwatch.Elapsed);
            }
        }

        var runner = _manager.GetTestRunner(featureInfo);
        ScenarioOutcome outcome;
        try
        {
            outcome = await RunOnRunnerAsync(runner, scenario, featureInfo, configureScenarioContainer, stopwatch).ConfigureAwait(false);
        }
        finally
        {
            _manager.ReleaseTestRunnerToPool(runner);
        }

        return outcome with { Duration = stopwatch.Elapsed };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _startLock.Dispose();
            await _manager.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<ScenarioOutcome> RunOnRunnerAsync(
        ITestRunner runner,
        ScenarioDefinition scenario,
        FeatureInfo featureInfo,
        Action<IObjectContainer>? configureScenarioContainer,
        Stopwatch stopwatch)
    {
        if (await StartFeatureAsync(runner, featureInfo).ConfigureAwait(false) is { } featureError)
        {
            return new ScenarioOutcome(ScenarioRunStatus.Failed, FailureMessages.BeforeFeatureFailed(scenario, featureError), featureError, stopwatch.Elapsed);
        }

        ScenarioOutcome outcome;
        try
        {
            runner.OnScenarioInitialize(
                new ScenarioInfo(
                    scenario.Name,
                    scenario.Description,
                    scenario.DirectTags,
                    scenario.Arguments,
                    scenario.InheritedTags,
                    scenario.PickleIndex.ToString(CultureInfo.InvariantCulture)),
                scenario.Rule is { } rule ? new RuleInfo(rule.Name, rule.Description, rule.Tags) : null);
            configureScenarioContainer?.Invoke(runner.ScenarioContext.ScenarioContainer);
            var locations = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var step in scenario.Steps)
            {
                locations.TryAdd(step.Text, $"{scenario.Feature.DisplayPath}:{step.Line.ToString(CultureInfo.InvariantCulture)}");
            }

            runner.ScenarioContext[StepLocationsKey] = (IReadOnlyDictionary<string, string>)locations;

            if (scenario.IsIgnored)
            {
                await runner.SkipScenarioAsync().ConfigureAwait(false);
                outcome = new ScenarioOutcome(ScenarioRunStatus.Skipped, $"Scenario \"{scenario.Label}\" is ignored (@ignore).", null, stopwatch.Elapsed);
            }
            else
            {
                outcome = await RunStepsAsync(runner, scenario, stopwatch).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            outcome = new ScenarioOutcome(ScenarioRunStatus.Failed, FailureMessages.StepProblem(ScenarioRunStatus.Failed, scenario, null, ex.Message), ex, stopwatch.Elapsed);
        }

        try
        {
            await runner.OnScenarioEndAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (outcome.Status == ScenarioRunStatus.Passed)
        {
            outcome = new ScenarioOutcome(ScenarioRunStatus.Failed, FailureMessages.AfterScenarioFailed(scenario, ex), ex, stopwatch.Elapsed);
        }
        catch (Exception)
        {
            // The scenario already failed; its own error is the one worth reporting.
        }

        return outcome;
    }

    private static async Task<Exception?> StartFeatureAsync(ITestRunner runner, FeatureInfo featureInfo)
    {
        if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, featureInfo))
        {
            await runner.OnFeatureEndAsync().ConfigureAwait(false);
        }

        if (runner.FeatureContext is null)
        {
            try
            {
                await runner.OnFeatureStartAsync(featureInfo).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Reqnroll keeps the error in FeatureContext.BeforeFeatureHookError so that every scenario of the feature reports it.
            }
        }

        return runner.FeatureContext?.BeforeFeatureHookFailed == true ? runner.FeatureContext.BeforeFeatureHookError : null;
    }

    private static async Task<ScenarioOutcome> RunStepsAsync(ITestRunner runner, ScenarioDefinition scenario, Stopwatch stopwatch)
    {
        var context = runner.ScenarioContext;
        ScenarioStep? failedStep = null;
        Exception? error = null;
        try
        {
            await runner.OnScenarioStartAsync().ConfigureAwait(false);
            foreach (var step in scenario.Steps)
            {
                var before = context.ScenarioExecutionStatus;
                await SendStepAsync(runner, step).ConfigureAwait(false);

                // Reqnroll does not say which step failed: the first step that moved the status off OK is the one.
                if (failedStep is null && before == ScenarioExecutionStatus.OK && context.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
                {
                    failedStep = step;
                }
            }

            await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var status = ToStatus(context.ScenarioExecutionStatus, error);
        if (status == ScenarioRunStatus.Passed)
        {
            return ScenarioOutcome.Passed(stopwatch.Elapsed);
        }

        error ??= context.TestError;
        var detail = error?.Message ?? context.ScenarioExecutionStatus.ToString();
        if (failedStep is { } withArgument && (withArgument.DataTable is not null || withArgument.DocString is not null) && error is BindingException && detail.Contains("Parameter count mismatch", StringComparison.Ordinal))
        {
            // Reqnroll says the binding "should have 2 parameters"; the person who wrote the story needs to know the table is the problem.
            var what = withArgument.DataTable is not null ? "data table" : "doc string";
            detail = $"The step \"{withArgument.Display}\" takes no {what}: remove the {what} under it (from line {withArgument.Line + 1}), or use a step that takes one (see 'securereqs steps').";
        }

        return new ScenarioOutcome(status, FailureMessages.StepProblem(status, scenario, failedStep, detail, error), error, stopwatch.Elapsed) { StepText = failedStep?.Text };
    }

    private static ScenarioRunStatus ToStatus(ScenarioExecutionStatus status, Exception? error) => status switch
    {
        ScenarioExecutionStatus.OK when error is null => ScenarioRunStatus.Passed,
        ScenarioExecutionStatus.Skipped => ScenarioRunStatus.Skipped,
        ScenarioExecutionStatus.UndefinedStep => ScenarioRunStatus.Undefined,
        ScenarioExecutionStatus.StepDefinitionPending => ScenarioRunStatus.Pending,
        _ => ScenarioRunStatus.Failed,
    };

    private static Task SendStepAsync(ITestRunner runner, ScenarioStep step)
    {
        var table = ToTable(step.DataTable);
        return step.Kind switch
        {
            StepKind.Given => runner.GivenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.When => runner.WhenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.Then => runner.ThenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.But => runner.ButAsync(step.Text, step.DocString, table, step.Keyword),
            _ => runner.AndAsync(step.Text, step.DocString, table, step.Keyword),
        };
    }

    private static Table? ToTable(IReadOnlyList<IReadOnlyList<string>>? rows)
    {
        if (rows is not { Count: > 0 })
        {
            return null;
        }

        var table = new Table([.. rows[0]]);
        foreach (var row in rows.Skip(1))
        {
            table.AddRow([.. row]);
        }

        return table;
    }
}
