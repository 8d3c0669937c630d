using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SecureReqs.Testing;

/// <summary>A delegate-driven <see cref="IChatClient"/> for tests: each call runs the script you give it.</summary>
public sealed class ScriptedChatClient : IChatClient
{
    private int _calls;

    /// <summary>Answers a non-streaming request.</summary>
    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? OnGetResponse { get; set; }

    /// <summary>Answers a streaming request; when null, the non-streaming answer is streamed in word-sized chunks.</summary>
    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, IAsyncEnumerable<ChatResponseUpdate>>? OnGetStreamingResponse { get; set; }

    /// <summary>How many requests have been made.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>A client that answers every request with <paramref name="text"/>.</summary>
    public static ScriptedChatClient Answering(string text) =>
        new() { OnGetResponse = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))) };

    /// <summary>A client whose answer is computed from the last user message.</summary>
    public static ScriptedChatClient Replying(Func<string, string> reply) =>
        new()
        {
            OnGetResponse = (messages, _, _) =>
            {
                var last = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(last))));
            },
        };

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var script = OnGetResponse ?? throw new InvalidOperationException("ScriptedChatClient has no OnGetResponse script.");
        return script([.. messages], options, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        if (OnGetStreamingResponse is { } streaming)
        {
            Interlocked.Increment(ref _calls);
            await foreach (var update in streaming(request, options).WithCancellation(cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        var response = await GetResponseAsync(request, options, cancellationToken);
        var text = response.Text;
        for (var i = 0; i < text.Length; i += 3)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(3, text.Length - i)));
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
