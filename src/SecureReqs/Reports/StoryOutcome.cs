namespace SecureReqs;

/// <summary>One story's end: its status, its message, and what it ran and found.</summary>
public sealed record StoryOutcome
{
    /// <summary>The feature file, relative to the features folder.</summary>
    public required string File { get; init; }

    /// <summary>The line of the scenario (or of its example row) in the feature file; 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>The feature's name.</summary>
    public required string Feature { get; init; }

    /// <summary>The scenario's name (with its example row for outlines).</summary>
    public required string Scenario { get; init; }

    /// <summary>The tags, without @.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The status.</summary>
    public required StoryStatus Status { get; init; }

    /// <summary>Why it did not pass, or null.</summary>
    public string? Message { get; init; }

    /// <summary>The run and requirements, when the story got that far.</summary>
    public StoryRecord? Record { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The requirements checked, in order (empty when the story got no further than its Given steps).</summary>
    public IReadOnlyList<RequirementResult> Requirements => Record?.Requirements ?? [];

    /// <summary>The warnings of its requirements, such as a dataset too small to ever show a claim.</summary>
    public IEnumerable<string> Warnings => Requirements.Select(r => r.Warning).OfType<string>();
}
