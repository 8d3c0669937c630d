using System.Globalization;

namespace SecureReqs;

/// <summary>
/// One of <see cref="Count"/> equal parts of every story's cases (<c>--shard 2/4</c>): a case belongs to the shard
/// its seeded hash of the story seed and the case's index picks, so the same case always lands in the same shard, the
/// shards never overlap, and together they hold every case.
/// </summary>
/// <param name="Index">The shard, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the run is split into.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The most shards a run can be split into.</summary>
    public const int MaxCount = 1000;

    // Keeps the shard hash apart from the sample hash (CaseSample.Priority), which uses the plain seed.
    private const int Salt = 0x5348_4152;

    /// <summary>Parses <c>i/n</c>, such as <c>2/4</c>.</summary>
    /// <param name="text">The text after <c>--shard</c>.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="SecureReqsException">The text is not <c>i/n</c> with 1 ≤ i ≤ n ≤ 1000; the message says how to write it.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount
            && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        throw new SecureReqsException($"--shard \"{text}\" is not a shard: write i/n, the shard's number and how many shards there are, such as --shard 2/4 (1 ≤ i ≤ n ≤ {MaxCount}).");
    }

    /// <summary>Whether the case at <paramref name="caseIndex"/> of a story seeded with <paramref name="seed"/> is in this shard.</summary>
    /// <param name="seed">The story's seed.</param>
    /// <param name="caseIndex">The case's index in the story's run.</param>
    /// <returns>True when this shard sends the case.</returns>
    public bool Owns(int seed, int caseIndex) =>
        Count == 1 || (int)(((CaseSample.Priority(seed ^ Salt, caseIndex).Hash >> 32) * (ulong)Count) >> 32) == Index - 1;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
