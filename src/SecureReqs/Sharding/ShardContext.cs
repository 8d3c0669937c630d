namespace SecureReqs;

/// <summary>What reading a story's shard state needs: the story's planned cases, to find each case by its index.</summary>
/// <param name="cases">The story's cases as the merge planned them (all shards' cases).</param>
public sealed class ShardContext(IReadOnlyList<CaseInstance> cases)
{
    /// <summary>The case at <paramref name="index"/>.</summary>
    /// <param name="index">The case's index in the story's run.</param>
    /// <returns>The case.</returns>
    /// <exception cref="SecureReqsException">The story has no case at that index: the shard ran other stories.</exception>
    public CaseInstance Instance(int index) =>
        index >= 0 && index < cases.Count
            ? cases[index]
            : throw new SecureReqsException($"the shard holds case {index}, but the story has {cases.Count} cases: the shard ran other features or datasets than the merge reads. Merge with the same commit the shards ran.");
}
