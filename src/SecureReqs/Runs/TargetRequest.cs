using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>One request a case sent to its target and got an answer to: how long it took and the tokens it used.</summary>
/// <param name="Latency">
/// The time from sending the request to receiving the whole answer, measured with the run's <see cref="TimeProvider"/>;
/// for an answer from the response cache, the latency of the request that filled the cache.
/// </param>
/// <param name="Usage">The token usage the target reported (<see cref="ChatResponse.Usage"/>), or null when it reported none.</param>
/// <param name="Cached">Whether the answer came from the response cache instead of the target.</param>
public sealed record TargetRequest(TimeSpan Latency, UsageDetails? Usage, bool Cached = false)
{
    /// <summary>
    /// The tokens the request used: the reported total, or input plus output when the target reports no total; null when
    /// the target reported no usage.
    /// </summary>
    public long? Tokens => Usage switch
    {
        null => null,
        { TotalTokenCount: { } total } => total,
        { InputTokenCount: null, OutputTokenCount: null } => null,
        var u => (u.InputTokenCount ?? 0) + (u.OutputTokenCount ?? 0),
    };
}
