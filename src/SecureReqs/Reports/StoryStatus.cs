namespace SecureReqs;

/// <summary>How a story ended.</summary>
public enum StoryStatus
{
    /// <summary>Every requirement holds.</summary>
    Passed,

    /// <summary>A requirement failed.</summary>
    Failed,

    /// <summary>A requirement could not be shown with the cases available.</summary>
    Inconclusive,

    /// <summary>The story could not run: a malformed step, an unknown name, a broken feature or dataset.</summary>
    Error,

    /// <summary>The story was skipped (<c>@ignore</c>).</summary>
    Skipped,
}
