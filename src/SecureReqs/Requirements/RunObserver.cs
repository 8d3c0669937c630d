using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// Checks one <see cref="RunRequirement"/> while a run streams past: <see cref="Add"/> sees each case once, as it
/// finishes, and keeps what the result needs (counts, a bounded sample of cases); <see cref="Finish"/> gives the result.
/// </summary>
/// <remarks>Not thread-safe: a run adds its cases one at a time, in the order they finish, and the result must not
/// depend on that order.</remarks>
public abstract class RunObserver
{
    /// <summary>Sees one finished case.</summary>
    /// <param name="result">The case.</param>
    public abstract void Add(CaseResult result);

    /// <summary>The requirement's result once every case was seen.</summary>
    /// <param name="run">The run, with its tally.</param>
    /// <param name="evidence">Everything the story knows after the run.</param>
    /// <returns>The result.</returns>
    public abstract RequirementResult Finish(RunResult run, StoryEvidence evidence);

    /// <summary>Writes what the observer kept (counts, samples) into a shard's state, for <c>securereqs merge</c>.</summary>
    /// <returns>The state.</returns>
    /// <exception cref="SecureReqsException">The requirement cannot be split across shards (<see cref="RunRequirement.Shardable"/> is false).</exception>
    public virtual JsonObject Save() => throw new SecureReqsException("This requirement cannot be split across shards: run its story without --shard.");

    /// <summary>Adds another shard's state of the same requirement, as if this observer had seen its cases too.</summary>
    /// <param name="state">The state <see cref="Save"/> wrote.</param>
    /// <param name="context">The story being merged.</param>
    /// <exception cref="SecureReqsException">The state does not read, or the requirement cannot be split across shards.</exception>
    public virtual void Merge(JsonObject state, ShardContext context) => throw new SecureReqsException("This requirement cannot be split across shards: run its story without --shard.");
}
