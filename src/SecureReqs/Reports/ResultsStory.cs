using System.Text.Json.Serialization;

namespace SecureReqs;

/// <summary>
/// One story of a run: the one model that <c>results.json</c> is written from and read back into. A story read from a
/// file has no <see cref="Record"/>; a story of a run in progress has one, with every case and requirement result.
/// </summary>
public sealed record ResultsStory
{
    /// <summary>The feature file, relative to the features folder.</summary>
    public required string File { get; init; }

    /// <summary>The scenario's line (or its example row's) in the feature file; 0 when unknown.</summary>
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

    /// <summary>How long it took, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>How long it took.</summary>
    [JsonIgnore]
    public TimeSpan Duration
    {
        get => TimeSpan.FromMilliseconds(DurationMs);
        init => DurationMs = Math.Round(value.TotalMilliseconds, 1);
    }

    /// <summary>The evidence pack: target, datasets with their manifest hashes, seed, records, mutators, attempts; null
    /// when the story sent nothing.</summary>
    public ResultsProvenance? Provenance { get; init; }

    /// <summary>The requirements checked, as written to the file.</summary>
    public IReadOnlyList<ResultsRequirement> Requirements { get; init; } = [];

    /// <summary>The run and requirement results, for a story of this run; null for a story read from a file.</summary>
    [JsonIgnore]
    public StoryRecord? Record { get; init; }

    /// <summary>The full requirement results (with the cases against each), for a story of this run.</summary>
    [JsonIgnore]
    public IReadOnlyList<RequirementResult> Results => Record?.Requirements ?? [];

    /// <summary>The warnings of its requirements, such as a dataset too small to ever show a claim.</summary>
    [JsonIgnore]
    public IEnumerable<string> Warnings => Results.Select(r => r.Warning).OfType<string>();

    /// <summary>"Feature: Scenario".</summary>
    [JsonIgnore]
    public string Name => $"{Feature}: {Scenario}";

    /// <summary>The story of this run, with its requirements and evidence pack taken from its record.</summary>
    /// <param name="story">The story without them.</param>
    /// <param name="record">Its record, or null when no SecureReqs step ran.</param>
    /// <returns>The story.</returns>
    public static ResultsStory Of(ResultsStory story, StoryRecord? record)
    {
        ArgumentNullException.ThrowIfNull(story);
        return record is null
            ? story
            : story with
            {
                Record = record,
                Requirements = [.. record.Requirements.Select(ResultsRequirement.From)],
                Provenance = record.Run is null && record.Provenance.Datasets.Count == 0 ? null : ResultsProvenance.From(record.Provenance),
            };
    }
}
