using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// The shards of one sharded run, checked to belong together (every shard of 1…n exactly once, the same securereqs
/// build, features, configuration, target and tag filter), for <c>securereqs merge</c>: each story adds up its shards'
/// counts and samples (<see cref="Combine"/>) and then judges its requirements as a run of every case would.
/// </summary>
/// <remarks>Thread-safe: stories combine their own shards.</remarks>
public sealed class ShardMerge
{
    private readonly ConcurrentDictionary<string, bool> _combined = new(StringComparer.Ordinal);

    private ShardMerge(IReadOnlyList<ShardFile> shards) => Shards = shards;

    /// <summary>Gets the shards, in shard order.</summary>
    public IReadOnlyList<ShardFile> Shards { get; }

    /// <summary>Checks that <paramref name="files"/> are every shard of one run.</summary>
    /// <param name="files">The shard files.</param>
    /// <returns>The merge.</returns>
    /// <exception cref="SecureReqsException">A shard is missing or given twice, or the shards ran different things; the message names the files and the fix.</exception>
    public static ShardMerge Create(IEnumerable<ShardFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var shards = files.OrderBy(f => f.Shard.Index).ToList();
        if (shards.Count == 0)
        {
            throw new SecureReqsException($"No shard to merge: pass the report folder of each shard ('securereqs run --shard i/n' writes {ShardFile.FileName} there).");
        }

        var first = shards[0];
        foreach (var other in shards.Skip(1))
        {
            if (other.Shard.Count != first.Shard.Count)
            {
                throw new SecureReqsException($"{other.Path} is shard {other.Shard} but {first.Path} is shard {first.Shard}: shards of one run are split the same way. Merge the shards of one run only.");
            }

            string? Differs(string what, string? a, string? b) => a == b ? null : $"{what} (\"{a ?? "none"}\" in {first.Path}, \"{b ?? "none"}\" in {other.Path})";
            var difference = Differs("the securereqs commit", first.ToolCommit, other.ToolCommit)
                ?? Differs("the --target", first.Target, other.Target)
                ?? Differs("the --tags", first.Tags, other.Tags)
                ?? Differs("the configuration (securereqs.json SHA-256)", first.ConfigurationSha256, other.ConfigurationSha256)
                ?? Differs("the features", Describe(first.Features), Describe(other.Features));
            if (difference is not null)
            {
                throw new SecureReqsException($"The shards ran different things: {difference}. Run every shard from the same commit with the same options, then merge.");
            }
        }

        foreach (var group in shards.GroupBy(s => s.Shard.Index).Where(g => g.Count() > 1))
        {
            throw new SecureReqsException($"Shard {group.First().Shard} is given twice: {string.Join(" and ", group.Select(s => s.Path))}. Pass each shard's report folder once.");
        }

        var missing = Enumerable.Range(1, first.Shard.Count).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new SecureReqsException($"The run was split into {first.Shard.Count} shards, but shard {string.Join(", ", missing.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m}/{first.Shard.Count}")))} {(missing.Count == 1 ? "is" : "are")} missing: merged counts would leave out their cases. Pass the report folder of every shard (a shard whose run failed or was interrupted writes no {ShardFile.FileName}: run it again).");
        }

        return new ShardMerge(shards);
    }

    /// <summary>
    /// Adds up a story's shards: its run's tally (and the clean run's in a poisoning comparison) become
    /// <paramref name="record"/>'s, its sample and each requirement's observer take in every shard's counts and samples.
    /// Each shard must have sent exactly its own part of the story's cases.
    /// </summary>
    /// <param name="record">The story; its <see cref="StoryRecord.Run"/> is set.</param>
    /// <param name="cases">Every case of the story, as the merge planned them.</param>
    /// <param name="seed">The story's seed.</param>
    /// <param name="sample">The story's sample.</param>
    /// <param name="observers">The requirements' observers, in the order the story states them.</param>
    /// <param name="poisoning">Whether the story compares a run with poisoned documents against one without.</param>
    /// <param name="target">The target's name.</param>
    /// <param name="dataset">The datasets' name.</param>
    /// <returns>The run without the poisoned documents in a poisoning comparison; otherwise null.</returns>
    /// <exception cref="SecureReqsException">A shard lacks the story, or holds other counts than the story's cases allow.</exception>
    public RunResult? Combine(StoryRecord record, IReadOnlyList<CaseInstance> cases, int seed, CaseSample sample, IReadOnlyList<(string Statement, RunObserver Observer)> observers, bool poisoning, string target, string dataset)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(observers);
        var context = new ShardContext(cases);
        var run = new RunTally();
        var clean = poisoning ? new RunTally() : null;
        foreach (var shard in Shards)
        {
            if (!shard.Stories.TryGetValue(record.Key, out var state))
            {
                throw new SecureReqsException($"{shard.Path} has no counts for this story: the shard ran other features or another --tags filter, or the story sent nothing there. Run every shard from the same commit with the same options.");
            }

            try
            {
                CombineOne(shard, state, cases, seed, context, sample, observers, run, clean);
            }
            catch (SecureReqsException ex)
            {
                throw new SecureReqsException($"{shard.Path}, story \"{record.Scenario}\": {ex.Message}", ex);
            }
        }

        _combined[record.Key] = true;
        record.Run = new RunResult(target, poisoning ? dataset + " (poisoned)" : dataset, []) { Tally = run };
        return clean is null ? null : new RunResult(target, dataset, []) { Tally = clean };
    }

    /// <summary>The stories the shards hold that no story of the merge took in: a sign that the merge ran other features.</summary>
    /// <returns>Each such story as "feature: scenario (file)".</returns>
    public IReadOnlyList<string> NotCombined() =>
        [.. Shards.SelectMany(s => s.Stories.Values).Where(s => !_combined.ContainsKey(ShardJson.Text(s, "key")))
            .Select(s => $"{ShardJson.Text(s, "feature")}: {ShardJson.Text(s, "scenario")} ({ShardJson.Text(s, "key")})").Distinct(StringComparer.Ordinal)];

    private static void CombineOne(ShardFile shard, JsonObject state, IReadOnlyList<CaseInstance> cases, int seed, ShardContext context, CaseSample sample, IReadOnlyList<(string Statement, RunObserver Observer)> observers, RunTally run, RunTally? clean)
    {
        if (ShardJson.Int(state, "seed") != seed || ShardJson.Int(state, "planned") != cases.Count)
        {
            throw new SecureReqsException($"the shard planned {ShardJson.Int(state, "planned")} cases with seed {ShardJson.Int(state, "seed")}, but the merge plans {cases.Count} with seed {seed}: the shards ran other datasets or features. Merge with the same commit, datasets and configuration the shards ran.");
        }

        var owned = Enumerable.Range(0, cases.Count).Count(i => shard.Shard.Owns(seed, i));
        var runState = ShardJson.Object(state["run"], "run");
        var sent = ShardJson.Int(runState, "cases");
        if (sent != owned)
        {
            throw new SecureReqsException($"the shard sent {sent} cases, but its part of the story has {owned}: its counts cannot stand for its part. Run the shard again.");
        }

        run.Merge(runState, context);
        if (clean is not null)
        {
            var baseline = ShardJson.Object(state["baseline"], "clean run");
            if (ShardJson.Int(baseline, "cases") != owned)
            {
                throw new SecureReqsException($"the shard's run without the poisoned documents sent {ShardJson.Int(baseline, "cases")} cases, but its part of the story has {owned}. Run the shard again.");
            }

            clean.Merge(baseline, context);
        }

        sample.Merge(state["sample"], context);
        var requirements = ShardJson.List(state, "requirements", n => ShardJson.Object(n, "requirement"));
        if (requirements.Count != observers.Count || requirements.Zip(observers).Any(p => ShardJson.Text(p.First, "statement") != p.Second.Statement))
        {
            throw new SecureReqsException($"the shard checked other requirements ({string.Join("; ", requirements.Select(r => ShardJson.Text(r, "statement")))}) than the story states ({string.Join("; ", observers.Select(o => o.Statement))}). Merge with the features the shards ran.");
        }

        foreach (var (requirement, observer) in requirements.Zip(observers))
        {
            observer.Observer.Merge(ShardJson.Object(requirement["state"], "requirement state"), context);
        }
    }

    private static string Describe(IReadOnlyList<ResultsFeature> features) =>
        string.Join(", ", features.OrderBy(f => f.File, StringComparer.Ordinal).Select(f => $"{f.File}@{f.Sha256[..Math.Min(12, f.Sha256.Length)]}"));
}
