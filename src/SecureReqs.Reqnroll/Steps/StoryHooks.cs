using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>
/// Runs each security story once its steps are read: at the end of its Then block (so a failure is the scenario's
/// failure, before any [AfterScenario] hook cleans up the app), or at the end of the scenario for a story with no Then
/// step (which is an error: a story that checks nothing never passes).
/// </summary>
[Binding]
public sealed class StoryHooks
{
    /// <summary>At the end of the Then block: run the story and fail the scenario unless every requirement passed.</summary>
    /// <param name="scenario">The scenario context.</param>
    /// <returns>A task.</returns>
    [AfterScenarioBlock]
    public static Task AfterThenBlockAsync(ScenarioContext scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.CurrentScenarioBlock == ScenarioBlock.Then && scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.OK && StoryContext.TryGet(scenario, out var story)
            ? story.FinishAsync()
            : Task.CompletedTask;
    }

    /// <summary>At the end of a scenario whose story never reached a Then block, or that ran no SecureReqs step at all:
    /// it checks nothing, which is an error.</summary>
    /// <param name="scenario">The scenario context.</param>
    /// <returns>A task.</returns>
    [AfterScenario(Order = int.MaxValue)]
    public static Task AfterScenarioAsync(ScenarioContext scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
        {
            return Task.CompletedTask;
        }

        if (!StoryContext.TryGet(scenario, out var story))
        {
            // No evidence, no pass: a scenario whose steps are all someone else's shows nothing about security.
            var error = new StoryDefinitionException(["The scenario ran no SecureReqs step, so it checks no requirement and can never show anything. Add the steps of a security story (see 'securereqs steps'), or keep this scenario out of the security run."]);
            error.Data[StoryContext.EndOfStoryKey] = true;
            throw error;
        }

        return story.Finished ? Task.CompletedTask : story.FinishAsync();
    }
}
