namespace SecureReqs.Runner;

/// <summary>Writes the messages a product manager reads when a scenario does not pass.</summary>
internal static class FailureMessages
{
    /// <summary>The key of <see cref="Exception.Data"/> that marks a failure raised when a story was checked at the end of its steps.</summary>
    public const string EndOfStoryKey = "SecureReqs.EndOfStory";

    public static string StepProblem(ScenarioRunStatus status, ScenarioDefinition scenario, ScenarioStep? step, string detail, Exception? error = null)
    {
        if (step is null && error?.Data[EndOfStoryKey] is true)
        {
            return $"Scenario \"{scenario.Label}\" ({Location(scenario.Feature, scenario.Line)}):" + Environment.NewLine + detail;
        }

        var where = step is null
            ? $"in a hook ({Location(scenario.Feature, scenario.Line)})"
            : $"at step \"{step.Display}\" ({Location(scenario.Feature, step.Line)})";
        var headline = status switch
        {
            ScenarioRunStatus.Undefined => $"Scenario \"{scenario.Label}\" has an undefined step {where}. Add a step definition:",
            ScenarioRunStatus.Pending => $"Scenario \"{scenario.Label}\" is pending {where}:",
            ScenarioRunStatus.Skipped => $"Scenario \"{scenario.Label}\" was skipped {where}:",
            _ => $"Scenario \"{scenario.Label}\" failed {where}:",
        };
        return headline + Environment.NewLine + detail;
    }

    public static string BeforeFeatureFailed(ScenarioDefinition scenario, Exception? error) =>
        $"Scenario \"{scenario.Label}\" was not run because a [BeforeFeature] hook of feature \"{scenario.Feature.Name}\" " +
        $"({scenario.Feature.DisplayPath}) failed:{Environment.NewLine}{error?.Message}";

    public static string AfterScenarioFailed(ScenarioDefinition scenario, Exception error) =>
        $"Scenario \"{scenario.Label}\" failed in an [AfterScenario] hook ({Location(scenario.Feature, scenario.Line)}):" +
        Environment.NewLine + error.Message;

    public static string AfterFeatureFailed(string featureName, string featurePath, Exception error) =>
        $"An [AfterFeature] hook of feature \"{featureName}\" ({featurePath}) failed:{Environment.NewLine}{Unwrap(error).Message}";

    public static string BeforeTestRunFailed(Exception error) =>
        $"Not run because a [BeforeTestRun] hook failed:{Environment.NewLine}{Unwrap(error).Message}";

    public static string DryRun(ScenarioDefinition scenario) =>
        $"Scenario \"{scenario.Label}\" ({Location(scenario.Feature, scenario.Line)}) ran in dry-run mode (REQNROLL_DRY_RUN is set): its steps were matched, but no binding ran, nothing was sent and nothing was measured, so it cannot pass. Unset REQNROLL_DRY_RUN to run the stories.";

    public static string Location(FeatureFile feature, int line) => $"{feature.DisplayPath}:{line}";

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : error;
}
