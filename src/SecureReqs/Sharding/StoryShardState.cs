using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// A story's state at the end of one shard's run: its run's tally (and the clean run's in a poisoning comparison), its
/// sample of cases, and each requirement's counts and samples, all that <c>securereqs merge</c> needs to judge the story
/// as a run of every case would. Answers and tool calls in it are masked like every report.
/// </summary>
public static class StoryShardState
{
    /// <summary>Writes a story's state after its shard's run.</summary>
    /// <param name="record">The story, after its run.</param>
    /// <param name="shard">The shard it ran.</param>
    /// <param name="seed">The story's seed.</param>
    /// <param name="planned">How many cases the whole story has (every shard's).</param>
    /// <param name="sample">The story's sample of cases.</param>
    /// <param name="observers">The requirements' observers, in the order the story states them.</param>
    /// <returns>The state.</returns>
    public static JsonObject Save(StoryRecord record, ShardSpec shard, int seed, int planned, CaseSample sample, IReadOnlyList<(string Statement, RunObserver Observer)> observers)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(observers);
        var run = record.Run ?? throw new InvalidOperationException("The story has not run.");
        return new JsonObject
        {
            ["key"] = record.Key,
            ["feature"] = record.Feature,
            ["scenario"] = record.Scenario,
            ["shard"] = shard.ToString(),
            ["seed"] = seed,
            ["planned"] = planned,
            ["sample"] = sample.Save(),
            ["run"] = run.Tally.Save(),
            ["baseline"] = record.Baseline is { } baseline && !ReferenceEquals(baseline, run) ? baseline.Tally.Save() : null,
            ["requirements"] = new JsonArray([.. observers.Select(o => (JsonNode)new JsonObject { ["statement"] = o.Statement, ["state"] = o.Observer.Save() })]),
        };
    }
}
