using System.Collections;

namespace SecureReqs;

/// <summary>A shard's part of a story's cases, filled only when sent, each keeping its index in the whole story.</summary>
public sealed class ShardCaseList : IReadOnlyList<CaseInstance>
{
    private readonly IReadOnlyList<CaseInstance> _cases;
    private readonly int[] _owned;

    /// <summary>Creates the shard's part of <paramref name="cases"/>.</summary>
    /// <param name="cases">Every case of the story.</param>
    /// <param name="shard">The shard.</param>
    /// <param name="seed">The story's seed.</param>
    public ShardCaseList(IReadOnlyList<CaseInstance> cases, ShardSpec shard, int seed)
    {
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        ArgumentNullException.ThrowIfNull(shard);
        _owned = [.. Enumerable.Range(0, cases.Count).Where(i => shard.Owns(seed, i))];
    }

    /// <inheritdoc/>
    public int Count => _owned.Length;

    /// <inheritdoc/>
    public CaseInstance this[int index] => _cases[_owned[index]];

    /// <inheritdoc/>
    public IEnumerator<CaseInstance> GetEnumerator() => _owned.Select(i => _cases[i]).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
