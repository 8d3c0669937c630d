namespace SecureReqs.Runner;

/// <summary>One scenario (or Scenario Outline example row) of a feature file.</summary>
/// <param name="FeatureFile">The file, relative to the features folder, <c>/</c>-separated.</param>
/// <param name="Line">The scenario's (or example row's) line.</param>
/// <param name="FeatureName">The feature's name.</param>
/// <param name="ScenarioName">The scenario's name.</param>
/// <param name="Example">The example row, or null.</param>
/// <param name="Tags">Feature, Rule, Scenario and Examples tags, without @.</param>
public sealed record FeatureScenarioInfo(string FeatureFile, int Line, string FeatureName, string ScenarioName, string? Example, IReadOnlyList<string> Tags);
