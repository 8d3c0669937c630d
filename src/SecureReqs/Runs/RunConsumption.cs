namespace SecureReqs;

/// <summary>
/// What a run cost (LLM10, unbounded consumption): requests answered, how many came from the response cache, tokens the
/// target reported, and the latency of the answered cases (a case's latency is its slowest request).
/// </summary>
/// <param name="Requests">Requests the target answered (cache replays included).</param>
/// <param name="CachedRequests">Of those, the ones answered from the response cache.</param>
/// <param name="RequestsWithoutUsage">Answered requests whose answer reported no token usage.</param>
/// <param name="InputTokens">Input tokens reported, summed.</param>
/// <param name="OutputTokens">Output tokens reported, summed.</param>
/// <param name="TotalTokens">Tokens reported, summed (the reported totals, or input plus output).</param>
/// <param name="MedianLatency">The median case latency (nearest rank), or null when no case was answered.</param>
/// <param name="P95Latency">The 95th percentile case latency (nearest rank), or null.</param>
/// <param name="MaxLatency">The slowest case latency, or null.</param>
public sealed record RunConsumption(
    int Requests,
    int CachedRequests,
    int RequestsWithoutUsage,
    long InputTokens,
    long OutputTokens,
    long TotalTokens,
    TimeSpan? MedianLatency,
    TimeSpan? P95Latency,
    TimeSpan? MaxLatency)
{
    /// <summary>The nearest-rank percentile of sorted values, or null when there are none.</summary>
    /// <param name="sorted">The values, in ascending order.</param>
    /// <param name="percentile">The percentile, 0–100.</param>
    /// <returns>The value.</returns>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
