namespace SecureReqs;

/// <summary>A <c>results.json</c> read back (schema <c>securereqs.results/v1</c>): what the gate compares.</summary>
public sealed record ResultsFile
{
    /// <summary>The file it was read from.</summary>
    public string Path { get; init; } = "";

    /// <summary>The schema id.</summary>
    public required string Schema { get; init; }

    /// <summary>The target override of the run, or null.</summary>
    public string? Target { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The stories.</summary>
    public required IReadOnlyList<ResultsStory> Stories { get; init; }
}
