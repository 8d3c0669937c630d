namespace SecureReqs;

/// <summary>One story of a <see cref="ResultsFile"/>.</summary>
public sealed record ResultsStory
{
    /// <summary>The feature file, relative to the features folder.</summary>
    public required string File { get; init; }

    /// <summary>The scenario's line (0 in files written before it was recorded).</summary>
    public int Line { get; init; }

    /// <summary>The feature's name.</summary>
    public required string Feature { get; init; }

    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The tags, without @.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The status.</summary>
    public required StoryStatus Status { get; init; }

    /// <summary>Why it did not pass, or null.</summary>
    public string? Message { get; init; }

    /// <summary>The requirements checked.</summary>
    public IReadOnlyList<ResultsRequirement> Requirements { get; init; } = [];

    /// <summary>"Feature: Scenario".</summary>
    public string Name => $"{Feature}: {Scenario}";
}
