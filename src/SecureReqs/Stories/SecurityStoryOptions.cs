namespace SecureReqs;

/// <summary>Options of a <see cref="SecurityStory"/>; the host's settings, shared by every story of a run.</summary>
public sealed class SecurityStoryOptions
{
    /// <summary>Gets or sets how each run sends its cases (concurrency, timeout, clock).</summary>
    public SecurityRunOptions RunOptions { get; set; } = new();

    /// <summary>Gets or sets the seed of stories that state none.</summary>
    /// <value>The default value is 1.</value>
    public int DefaultSeed { get; set; } = 1;

    /// <summary>Gets or sets the cap on mutated copies per story (a seeded sample runs beyond it).</summary>
    /// <value>The default value is 3000.</value>
    public int MaxMutatedCases { get; set; } = 3000;

    /// <summary>Gets or sets where progress goes, or null for nowhere.</summary>
    public IProgress<StoryProgress>? Progress { get; set; }

    /// <summary>Gets or sets what receives every case as it finishes (results.ndjson), or null for nothing.</summary>
    /// <remarks>Called under the run's lock, never concurrently within a story.</remarks>
    public Action<StoryCaseResult>? OnCaseCompleted { get; set; }

    /// <summary>Gets or sets whether a story's run keeps every case in <see cref="RunResult.Cases"/>. Off, each case is
    /// counted by the requirements and streamed to <see cref="OnCaseCompleted"/> as it finishes, and only samples stay
    /// in memory; a story with a rule in plain words keeps its cases whatever this says (the judge reads them after the
    /// run).</summary>
    /// <value>The default value is true.</value>
    public bool KeepCases { get; set; } = true;

    /// <summary>Gets or sets how many cases of each outcome a story keeps as its sample for the reports.</summary>
    /// <value>The default value is 10.</value>
    public int SampledCasesPerOutcome { get; set; } = 10;

    /// <summary>Gets or sets the shard this run sends (<c>--shard i/n</c>): each story sends only its part of the cases
    /// and keeps its counts and samples in <see cref="StoryRecord.ShardState"/> for <c>securereqs merge</c>.</summary>
    /// <value>The default value is null: every case is sent.</value>
    public ShardSpec? Shard { get; set; }

    /// <summary>Gets or sets the shards to merge (<c>securereqs merge</c>): each story sends nothing and adds up what the
    /// shards saw instead, then judges its requirements as a run of every case would.</summary>
    /// <value>The default value is null.</value>
    public ShardMerge? Merge { get; set; }
}
