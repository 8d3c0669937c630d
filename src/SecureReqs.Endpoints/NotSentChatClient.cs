using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// The innermost client of a replay: it stands where the endpoint would be and refuses every request, so a replay
/// needs no key and can never send anything. It reports the target's model, as the endpoint's client does, so that
/// requests have the same cache keys as when they were recorded.
/// </summary>
internal sealed class NotSentChatClient(string targetName, Uri endpoint, string? model) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("securereqs-replay", endpoint, model);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new SecureReqsException($"not recorded: a replay sends nothing to \"{targetName}\".");

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new SecureReqsException($"not recorded: a replay sends nothing to \"{targetName}\".");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
