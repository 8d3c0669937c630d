using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace SecureReqs.Reqnroll;

/// <summary>
/// One scenario's security story, shared by every binding class of the scenario through context injection. Steps only
/// declare; <see cref="FinishAsync"/> (called by <see cref="StoryHooks"/> when the scenario's steps are done) checks the
/// whole story, sends its cases once and fails the scenario if any requirement did not pass.
/// </summary>
public sealed class StoryContext
{
    /// <summary>The ScenarioContext key under which a host may put a map from step text to its <c>file:line</c>, so
    /// problems name where they are.</summary>
    public const string StepLocationsKey = "SecureReqs.StepLocations";

    private readonly SecureReqsSettings _settings;
    private readonly ScenarioContext _scenario;

    /// <summary>Creates the context for the current scenario and starts its journal record.</summary>
    /// <param name="settings">The settings (a host's instance, or the environment defaults).</param>
    /// <param name="feature">The feature context.</param>
    /// <param name="scenario">The scenario context.</param>
    /// <param name="key">The id a host gave the scenario.</param>
    public StoryContext(SecureReqsSettings settings, FeatureContext feature, ScenarioContext scenario, StoryKey key)
    {
        ArgumentNullException.ThrowIfNull(feature);
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        var tags = feature.FeatureInfo.Tags.Concat(scenario.ScenarioInfo.Tags).Distinct(StringComparer.Ordinal).ToList();
        var record = settings.Journal.Begin(feature.FeatureInfo.Title, scenario.ScenarioInfo.Title, tags, key.Id);
        Story = new SecurityStory(record, settings.StoryOptions());
        Driver = new SecurityStoryDriver(settings, Story);
        Data = new DataStoryDriver(settings, Story);
        DataRules = new DataRulesDriver(settings, Story, Data);
        Serving = new ServingStoryDriver(settings, Story);
        scenario.Set(this);
    }

    /// <summary>The story (engine side).</summary>
    public SecurityStory Story { get; }

    /// <summary>The driver of the security steps.</summary>
    public SecurityStoryDriver Driver { get; }

    /// <summary>The driver of the data and artifact integrity checks, declaring on the same story.</summary>
    public DataStoryDriver Data { get; }

    /// <summary>The driver of the data rules over data files (classification, retention, vetted sources), declaring on the same story.</summary>
    public DataRulesDriver DataRules { get; }
    /// <summary>The driver of the serving-layer checks, declaring on the same story.</summary>
    public ServingStoryDriver Serving { get; }

    /// <summary>Whether <see cref="FinishAsync"/> ran.</summary>
    public bool Finished { get; private set; }

    /// <summary>The story's context in a scenario, if a SecureReqs step ran in it.</summary>
    /// <param name="scenario">The scenario context.</param>
    /// <param name="story">The story context.</param>
    /// <returns>True when there is one.</returns>
    public static bool TryGet(ScenarioContext scenario, out StoryContext story)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.TryGetValue(out story);
    }

    /// <summary>Runs one declaration; a problem in it is recorded with the step that made it, so every problem of the
    /// story is listed at once, and nothing is sent.</summary>
    /// <param name="declare">The declaration.</param>
    public void Declare(Action declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        try
        {
            declare();
        }
        catch (SecureReqsException ex)
        {
            Story.Record.Problems.Add($"{CurrentStep()}: {ex.Message}");
        }
    }

    /// <summary>
    /// Checks the whole story and, unless it is a pre-flight, runs it once: every requirement is evaluated and recorded,
    /// even after one fails.
    /// </summary>
    /// <returns>A task.</returns>
    /// <exception cref="StoryDefinitionException">The story has problems; nothing was sent.</exception>
    /// <exception cref="SecurityRequirementException">Some requirement failed or is inconclusive.</exception>
    public async Task FinishAsync()
    {
        if (Finished)
        {
            return;
        }

        Finished = true;
        var record = Story.Record;
        foreach (var problem in Story.Preflight(declarationProblems: record.Problems.Count > 0))
        {
            record.Problems.Add(problem);
        }

        if (record.Problems.Count > 0)
        {
            throw EndOfStory(new StoryDefinitionException([.. record.Problems]));
        }

        if (Story.NotApplicable() is { Count: > 0 } reasons)
        {
            // Not an error and not a pass: the host reports the story as skipped, with the reason in one line.
            var reason = $"Not applicable: {string.Join("; ", reasons)}.";
            record.Notes.Add(reason);
            _scenario.ScenarioContainer.Resolve<IUnitTestRuntimeProvider>().TestIgnore(reason);
            throw EndOfStory(new StoryDefinitionException([reason]));
        }

        record.PlannedRequests = Story.PlannedRequests;
        if (_settings.Preflight)
        {
            return;
        }

        var results = await Story.ExecuteAsync(_settings.CancellationToken).ConfigureAwait(false);
        if (record.Run?.Interrupted == true)
        {
            throw EndOfStory(new OperationCanceledException("The run was stopped before every case was answered, so no requirement was judged: a partial run can make any claim look better than it is.", _settings.CancellationToken));
        }

        if (results.Any(r => r.Problem))
        {
            throw EndOfStory(new StoryDefinitionException([.. results.Where(r => r.Problem).Select(r => r.Message)]));
        }

        if (results.Any(r => r.Verdict != Verdict.Pass))
        {
            throw EndOfStory(new SecurityRequirementException(results));
        }
    }

    /// <summary>The key of <see cref="Exception.Data"/> that marks a failure raised when the story was checked at the end
    /// of its steps (a host then names the scenario, not a hook).</summary>
    public const string EndOfStoryKey = "SecureReqs.EndOfStory";

    private static Exception EndOfStory(Exception error)
    {
        error.Data[EndOfStoryKey] = true;
        return error;
    }

    private string CurrentStep()
    {
        var step = _scenario.StepContext?.StepInfo;
        if (step is null)
        {
            return "a step";
        }

        var keyword = step.StepDefinitionType.ToString();
        var where = _scenario.TryGetValue(StepLocationsKey, out IReadOnlyDictionary<string, string>? locations) && locations is not null && locations.TryGetValue(step.Text, out var location)
            ? location + ": "
            : "";
        return $"{where}{keyword} {step.Text}";
    }
}
