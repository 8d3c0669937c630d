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
}
