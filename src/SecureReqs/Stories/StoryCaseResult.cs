namespace SecureReqs;

/// <summary>One finished case of a story, as it streams to results.ndjson.</summary>
/// <param name="Story">The story.</param>
/// <param name="Run">Which run of the story: <c>run</c>, or <c>baseline</c> for the run without the poisoned documents
/// in a poisoning comparison.</param>
/// <param name="Case">The case.</param>
public sealed record StoryCaseResult(StoryRecord Story, string Run, CaseResult Case);
