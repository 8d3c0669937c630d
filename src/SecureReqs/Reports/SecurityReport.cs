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
    public required IReadOnlyList<ResultsStory> Stories { get; init; }

    /// <summary>Whether every selected story ran to its end. False while the run is in progress and when it was
    /// interrupted: such results are never gated.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Whether the run was stopped (Ctrl-C, SIGTERM) before every story ran.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Whether the stories ran in a dry-run mode (Reqnroll's <c>REQNROLL_DRY_RUN</c>): steps were matched,
    /// nothing was sent or measured, and no story can pass.</summary>
    public bool DryRun { get; init; }

    /// <summary>The SHA-256 of the securereqs.json the run used, or null when it used none.</summary>
    public string? ConfigurationSha256 { get; init; }

    /// <summary>Each feature file of the run with its SHA-256.</summary>
    public IReadOnlyList<ResultsFeature> Features { get; init; } = [];

    /// <summary>Gets, for one shard of a sharded run, which shard ("2/4"): its verdicts stand for its part of the cases
    /// only, so it never passes a gate; null otherwise.</summary>
    public string? Shard { get; init; }

    /// <summary>Gets, for results merged by <c>securereqs merge</c>, how many shards were added up; null otherwise.</summary>
    public int? MergedShards { get; init; }

    /// <summary>A previous run's results (the last release's) that the reports compare this run with, as
    /// <c>securereqs gate --baseline</c> does; null when none was given.</summary>
    public ResultsFile? Baseline { get; init; }

    /// <summary>Values that must never appear in a report (system-prompt secrets, canaries), gathered from every story.</summary>
    public IReadOnlyList<string> Secrets => [.. Stories.SelectMany(s => s.Record?.Secrets ?? []).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether every story that ran passed (skipped ones aside), at least one ran, and the run is complete.</summary>
    public bool AllPassed => Complete && !Interrupted && !DryRun && Shard is null && Stories.Any(s => s.Status == StoryStatus.Passed) && Stories.All(s => s.Status is StoryStatus.Passed or StoryStatus.Skipped);

    /// <summary>How many stories ended with <paramref name="status"/>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(StoryStatus status) => Stories.Count(s => s.Status == status);
}
