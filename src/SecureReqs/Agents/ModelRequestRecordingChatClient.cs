using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// Reports every request it forwards to <see cref="SecurityEvidence"/> (<see cref="ModelRequestRecord"/>): the
/// white-box evidence of what the model receives. Put it innermost, directly around the model client, so it records
/// the messages after every control of the pipeline (<c>UseModelRequestRecording()</c> as the last step before
/// <c>Build</c>). Outside a SecureReqs run it only forwards.
/// </summary>
/// <remarks>Thread-safe. It keeps nothing itself: the run's evidence scope holds the records for the case that is
/// running and drops them after judging.</remarks>
/// <param name="innerClient">The model client.</param>
public sealed class ModelRequestRecordingChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        Record(request);
        return base.GetResponseAsync(request, options, cancellationToken);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        Record(request);
        return base.GetStreamingResponseAsync(request, options, cancellationToken);
    }

    /// <summary>The record of a request as the model receives it.</summary>
    /// <param name="messages">The request.</param>
    /// <returns>The record.</returns>
    public static ModelRequestRecord ToRecord(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new ModelRequestRecord([.. messages.Select(m => new ModelMessageRecord(
            m.Role.Value,
            MessageText.Of(m),
            m.AdditionalProperties?.TryGetValue(CaseInstantiator.ContextKindProperty, out string? kind) is true ? kind : null,
            m.AdditionalProperties?.TryGetValue(CaseInstantiator.ContextLabelProperty, out string? label) is true ? label : null))]);
    }

    private static void Record(IReadOnlyList<ChatMessage> request)
    {
        if (SecurityEvidence.Current is not null)
        {
            SecurityEvidence.RecordModelRequest(ToRecord(request));
        }
    }
}
