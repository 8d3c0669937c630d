namespace SecureReqs;

/// <summary>Everything one invocation of the stories found, as the reports and the exit code see it.</summary>
public sealed record SecurityReport
{
    /// <summary>The target every story ran against when a host chose one, or null when each story named its own.</summary>
    public string? Target { get; init; }

    /// <summary>The folder the feature files were read from (absolute), or null when unknown; source locations in
    /// reports are relative to it.</summary>
    public string? FeaturesDirectory { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The stories, in run order.</summary>
    public required IReadOnlyList<StoryOutcome> Stories { get; init; }

    /// <summary>Whether every story that ran passed (skipped ones aside) and at least one ran.</summary>
    public bool AllPassed => Stories.Any(s => s.Status == StoryStatus.Passed) && Stories.All(s => s.Status is StoryStatus.Passed or StoryStatus.Skipped);

    /// <summary>How many stories ended with <paramref name="status"/>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(StoryStatus status) => Stories.Count(s => s.Status == status);
}
