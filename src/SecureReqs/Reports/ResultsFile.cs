namespace SecureReqs;

/// <summary>A <c>results.json</c> read back (schema <c>securereqs.results/v2</c>): what the gate checks.</summary>
public sealed record ResultsFile
{
    /// <summary>The file it was read from.</summary>
    public string Path { get; init; } = "";

    /// <summary>The schema id.</summary>
    public required string Schema { get; init; }

    /// <summary>The build that wrote it.</summary>
    public required ResultsTool Tool { get; init; }

    /// <summary>Whether every selected story ran to its end.</summary>
    public required bool Complete { get; init; }

    /// <summary>Whether the run was stopped before every story ran.</summary>
    public required bool Interrupted { get; init; }

    /// <summary>Whether the stories ran in a dry-run mode.</summary>
    public required bool DryRun { get; init; }

    /// <summary>The target override of the run, or null.</summary>
    public string? Target { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The SHA-256 of the configuration the run used, or null.</summary>
    public string? ConfigurationSha256 { get; init; }

    /// <summary>The feature files with their hashes.</summary>
    public IReadOnlyList<ResultsFeature> Features { get; init; } = [];

    /// <summary>Gets, for one shard's results, which shard ("2/4"); null for a whole or merged run.</summary>
    public string? Shard { get; init; }

    /// <summary>Gets, for merged results, how many shards were added up; null otherwise.</summary>
    public int? MergedShards { get; init; }

    /// <summary>The stories.</summary>
    public required IReadOnlyList<ResultsStory> Stories { get; init; }

    /// <summary>A run's results as the gate reads them, without writing and reading the file.</summary>
    /// <param name="report">The run.</param>
    /// <returns>The results.</returns>
    public static ResultsFile From(SecurityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ResultsFile
        {
            Schema = ResultsJsonWriter.Schema,
            Tool = ResultsJsonWriter.Tool,
            Complete = report.Complete,
            Interrupted = report.Interrupted,
            DryRun = report.DryRun,
            Target = report.Target,
            StartedAt = report.StartedAt,
            ConfigurationSha256 = report.ConfigurationSha256,
            Features = report.Features,
            Shard = report.Shard,
            MergedShards = report.MergedShards,
            Stories = report.Stories,
        };
    }
}
