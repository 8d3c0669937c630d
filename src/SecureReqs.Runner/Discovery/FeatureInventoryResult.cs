namespace SecureReqs.Runner;

/// <summary>The scenarios of a features folder, and the files that could not be parsed.</summary>
/// <param name="Scenarios">The scenarios.</param>
/// <param name="Errors">One <c>file:line:column: message</c> per broken file.</param>
public sealed record FeatureInventoryResult(IReadOnlyList<FeatureScenarioInfo> Scenarios, IReadOnlyList<string> Errors);
