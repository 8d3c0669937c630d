using System.Collections.Concurrent;

namespace SecureReqs;

/// <summary>Collects what every story ran and found, for the KPI table and the reports.</summary>
/// <remarks>Thread-safe: stories may run in parallel.</remarks>
public sealed class StoryJournal
{
    private readonly ConcurrentQueue<StoryRecord> _stories = new();

    /// <summary>The stories, in the order they started.</summary>
    public IReadOnlyList<StoryRecord> Stories => [.. _stories];

    /// <summary>Finds the record of a scenario by key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The record, or null when the scenario recorded nothing.</returns>
    public StoryRecord? Find(string key) => _stories.LastOrDefault(s => s.Key == key);

    /// <summary>Starts recording a story.</summary>
    /// <param name="feature">The feature's name.</param>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="tags">The tags.</param>
    /// <param name="key">Identifies the scenario within its run (a host-chosen id, or empty).</param>
    /// <returns>The record to fill.</returns>
    public StoryRecord Begin(string feature, string scenario, IReadOnlyList<string> tags, string key = "")
    {
        var record = new StoryRecord { Feature = feature, Scenario = scenario, Tags = tags, Key = key };
        _stories.Enqueue(record);
        return record;
    }
}
