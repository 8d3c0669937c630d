using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SecureReqs.Guardrails;

/// <summary>
/// Blocks answers that reveal the application's system prompt: its secret (canary) in any rendering the judges see
/// through (case, spacing, invisible characters, base64, hex, rot13, reversed), or a long verbatim part of it. A
/// blocked answer is replaced by a short refusal with <see cref="ChatFinishReason.ContentFilter"/> and
/// <c>securereqs.blocked = true</c>, the standard SecureReqs block signal.
/// </summary>
/// <remarks>
/// Thread-safe. Streaming answers are buffered whole before they are checked, because a leak can only be judged on the
/// complete text; use it where that latency is acceptable. It cannot catch a paraphrase or a translation of the prompt
/// that carries no secret: keep secrets out of system prompts, and put a canary in them so this filter has something
/// certain to look for.
/// </remarks>
public sealed class SystemPromptLeakFilterChatClient : DelegatingChatClient
{
    /// <summary>The answer that replaces a leaking one.</summary>
    public const string BlockedAnswer = "I can't share my instructions or configuration.";

    private readonly JudgeContext _context;
    private int _blocked;

    /// <summary>Creates the filter.</summary>
    /// <param name="innerClient">The client whose answers are checked.</param>
    /// <param name="systemPrompt">The application's system prompt.</param>
    /// <param name="secrets">Values in it whose appearance proves a leak (its canary).</param>
    public SystemPromptLeakFilterChatClient(IChatClient innerClient, string systemPrompt, IReadOnlyList<string>? secrets = null)
        : base(innerClient)
    {
        ArgumentException.ThrowIfNullOrEmpty(systemPrompt);
        _context = new JudgeContext(systemPrompt, secrets ?? []);
    }

    /// <summary>How many answers were blocked.</summary>
    public int BlockedCount => Volatile.Read(ref _blocked);

    /// <summary>The metrics this guardrail emits (<see cref="GuardrailMetrics"/>).</summary>
    /// <value>The default value is <see cref="GuardrailMetrics.Shared"/>.</value>
    public GuardrailMetrics Metrics { get; set; } = GuardrailMetrics.Shared;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return SystemPromptLeakJudge.Find(response.Text, _context) is null ? response : Blocked(response);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        if (SystemPromptLeakJudge.Find(response.Text, _context) is null)
        {
            foreach (var update in updates)
            {
                yield return update;
            }

            yield break;
        }

        foreach (var update in Blocked(response).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private ChatResponse Blocked(ChatResponse original)
    {
        Interlocked.Increment(ref _blocked);
        Metrics.SystemPromptLeakBlocked();
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, BlockedAnswer))
        {
            FinishReason = ChatFinishReason.ContentFilter,
            ResponseId = original.ResponseId,
            ModelId = original.ModelId,
            AdditionalProperties = new() { [RefusalDetector.BlockedProperty] = true, ["securereqs.blocked.reason"] = "system-prompt-leak" },
        };
    }
}
