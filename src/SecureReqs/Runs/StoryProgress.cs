namespace SecureReqs;

/// <summary>A story's run progress, as a host shows it: which story, and how far its cases have got.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Key">The id a host gave the scenario (empty when it gave none).</param>
/// <param name="Run">The run's progress.</param>
public sealed record StoryProgress(string Feature, string Scenario, string Key, RunProgress Run);
