using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>Adds the <see cref="ResponseCachingChatClient"/> to a chat pipeline.</summary>
public static class ChatClientBuilderResponseCacheExtensions
{
    /// <summary>Answers repeated requests from a disk cache of the target's answers.</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="cache">Where answers are kept.</param>
    /// <param name="targetName">The target's name, part of every key.</param>
    /// <param name="scope">Anything else that decides the answer, part of every key; never a secret.</param>
    /// <param name="timeProvider">The clock that measures latency, or null for the system clock.</param>
    /// <param name="replayOnly">Answer only from the cache: a request it holds no answer for is an error, and nothing is sent.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, DiskResponseCache cache, string targetName, string? scope = null, TimeProvider? timeProvider = null, bool replayOnly = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new ResponseCachingChatClient(inner, cache, targetName, scope, timeProvider) { ReplayOnly = replayOnly });
    }
}
