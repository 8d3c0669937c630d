namespace SecureReqs.Runner;

/// <summary>The result of running one Scenario, or one example row of a Scenario Outline.</summary>
/// <remarks>A feature file with a Gherkin syntax error yields one <see cref="ScenarioRunStatus.Failed"/> result whose
/// <see cref="ScenarioName"/> is empty and whose <see cref="Message"/> names the file, line and column.</remarks>
public sealed record ScenarioRunResult
{
    /// <summary>Gets the feature file, relative to <see cref="FeatureRunnerOptions.FeaturesDirectory"/>, with <c>/</c> separators.</summary>
    public required string FeatureFile { get; init; }

    /// <summary>Gets the name of the Feature (empty when the file could not be parsed).</summary>
    public required string FeatureName { get; init; }

    /// <summary>Gets the scenario name, with outline placeholders substituted.</summary>
    public required string ScenarioName { get; init; }

    /// <summary>Gets the example row of a Scenario Outline as <c>header: value</c> pairs, or <see langword="null"/> for a plain Scenario.</summary>
    public string? Example { get; init; }

    /// <summary>Gets the line of the Scenario (or of the example row) in the feature file; 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>Gets the tags of the scenario including inherited Feature, Rule and Examples tags, without the leading <c>@</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the outcome.</summary>
    public required ScenarioRunStatus Status { get; init; }

    /// <summary>Gets the failure, skip, pending or undefined-step explanation; <see langword="null"/> when the scenario passed.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the scenario's position among the file's pickles (the id Reqnroll's <c>ScenarioInfo.PickleId</c> carries); -1 for a broken file.</summary>
    public int PickleIndex { get; init; } = -1;

    /// <summary>Gets the scenario's id within the run: <c>FeatureFile#PickleIndex</c>.</summary>
    public string Id => $"{FeatureFile}#{PickleIndex}";

    /// <summary>Gets the exception that failed the scenario (an assertion, a binding error), or <see langword="null"/>.</summary>
    public Exception? Error { get; init; }

    /// <summary>Gets the text of the step that failed or has no definition (without keyword), or <see langword="null"/>.</summary>
    public string? StepText { get; init; }

    /// <summary>Gets how long the scenario took, hooks included.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Gets a readable name: <c>Feature: Scenario [example]</c>.</summary>
    public string DisplayName => ScenarioDisplay.Format(FeatureName, ScenarioName, Example);
}
