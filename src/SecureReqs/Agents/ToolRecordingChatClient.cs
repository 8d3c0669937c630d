using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// Wraps every function in <see cref="ChatOptions.Tools"/> in a <see cref="RecordingAIFunction"/> before the request
/// goes on, so that the invocations a <see cref="FunctionInvokingChatClient"/> inside it makes, in every iteration of
/// its loop, are reported to <see cref="SecurityEvidence"/>. Put it outside function invocation and outside any
/// permission control, so it records only what actually runs.
/// </summary>
/// <remarks>Thread-safe; the caller's options are not modified.</remarks>
public sealed class ToolRecordingChatClient : DelegatingChatClient
{
    /// <summary>Creates the middleware around <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The rest of the pipeline.</param>
    public ToolRecordingChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Wrap(options), cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Wrap(options), cancellationToken);

    private static ChatOptions? Wrap(ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools || tools.All(t => t is not AIFunction || t.GetService<RecordingAIFunction>() is not null))
        {
            return options;
        }

        var wrapped = options.Clone();
        wrapped.Tools = [.. tools.Select(t => t is AIFunction f && f.GetService<RecordingAIFunction>() is null ? Wrap(f) : t)];
        return wrapped;
    }

    // An approval requirement stays visible to function invocation: the recorder goes inside it.
    private static AITool Wrap(AIFunction function) =>
        function is ApprovalRequiredAIFunction approval
            ? new ApprovalRequiredAIFunction(new RecordingAIFunction(approval))
            : new RecordingAIFunction(function);
}
