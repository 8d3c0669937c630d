namespace SecureReqs;

/// <summary>A story as the coverage matrix sees it: where it is, its tags, and how it ended when it ran.</summary>
/// <param name="File">The feature file, relative to the features folder.</param>
/// <param name="Line">The scenario's line, or 0.</param>
/// <param name="Feature">The feature's name.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Tags">The tags (feature, rule and scenario), without @.</param>
/// <param name="Status">How it ended, or null when it has not run.</param>
public sealed record TaggedStory(string File, int Line, string Feature, string Scenario, IReadOnlyList<string> Tags, StoryStatus? Status);
