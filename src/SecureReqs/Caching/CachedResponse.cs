using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>An answer kept in the <see cref="DiskResponseCache"/>.</summary>
/// <param name="Response">The target's answer, with its token usage and finish reason.</param>
/// <param name="Latency">How long the target took to give it, so latency budgets still hold when the answer is replayed.</param>
public sealed record CachedResponse(ChatResponse Response, TimeSpan Latency);
