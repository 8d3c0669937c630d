using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// Gives every request the target's configured system prompt (when it is sent) and request options, above the response
/// cache so that both are part of the cache key; and reports to the run the tool calls its answers say were refused.
/// </summary>
internal sealed class ConfiguredRequestChatClient(IChatClient inner, EndpointTargetOptions target, EndpointKnowledgeBase? knowledgeBase = null) : DelegatingChatClient(inner)
{
    private static readonly IReadOnlyDictionary<string, KnowledgeDocument> NoneSeeded = new Dictionary<string, KnowledgeDocument>();

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = Messages(messages);
        var response = await base.GetResponseAsync(request, Options(options), cancellationToken).ConfigureAwait(false);

        // Above the cache too: the documents the app's answer says it retrieved, as the case's caller, labelled by what
        // the story seeded when it is one of those.
        if (target.RetrievalsPath is not null)
        {
            RetrievalsReader.Record(response, CallerIdentity.Of(options) ?? CallerIdentity.Default, request.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "", knowledgeBase?.Seeded ?? NoneSeeded);
        }

        // Above the cache, so a replayed answer reports them too: the calls the app's answer says its controls refused.
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            if (call.AdditionalProperties?.TryGetValue(ToolCallsReader.StatusProperty, out string? status) is true && ToolCallsReader.DeniedStatuses.Contains(status, StringComparer.Ordinal))
            {
                SecurityEvidence.RecordInvocation(new ToolInvocationRecord(call.Name, call.CallId, RecordingAIFunction.ArgumentsJson(call.Arguments), ToolInvocationStatus.Denied, "refused, as the target's answer reported (black-box)"));
            }
        }

        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Messages(messages), Options(options), cancellationToken);

    private List<ChatMessage> Messages(IEnumerable<ChatMessage> messages)
    {
        List<ChatMessage> request = [.. messages];
        if (target.SendSystemPrompt && target.SystemPrompt is { } prompt && !request.Any(m => m.Role == ChatRole.System && m.Text == prompt))
        {
            request.Insert(0, new ChatMessage(ChatRole.System, prompt));
        }

        return request;
    }

    private ChatOptions? Options(ChatOptions? options)
    {
        if (target.Temperature is null && target.MaxOutputTokens is null && target.Seed is null)
        {
            return options;
        }

        var configured = options?.Clone() ?? new ChatOptions();
        configured.Temperature ??= target.Temperature;
        configured.MaxOutputTokens ??= target.MaxOutputTokens;
        configured.Seed ??= target.Seed;
        return configured;
    }
}
