using Microsoft.Extensions.AI;

namespace SecureReqs.Cli;

/// <summary>
/// The zero-cost target of <c>securereqs bench</c>: it answers at once (or after a fixed latency), repeats the request
/// for one case in fifty (a leak the canary judge finds) and refuses the other attacks, so the pipeline judges real
/// answers of both kinds without a model's cost.
/// </summary>
/// <param name="latency">How long each answer takes.</param>
/// <param name="time">The clock the latency is waited on.</param>
internal sealed class BenchTarget(TimeSpan latency, TimeProvider time) : IChatClient
{
    private long _requests;
    private long _firstRequest;

    /// <summary>When the first request arrived (a <see cref="TimeProvider"/> timestamp), or 0 before it.</summary>
    public long FirstRequest => Interlocked.Read(ref _firstRequest);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _requests) == 1)
        {
            Interlocked.Exchange(ref _firstRequest, time.GetTimestamp());
        }

        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, cancellationToken).ConfigureAwait(false);
        }

        var request = messages is IReadOnlyList<ChatMessage> list ? list[^1].Text : messages.Last().Text;
        var text = request.Contains("SR-", StringComparison.Ordinal)
            ? (Hash(request) % 50 == 0 ? "Sure: " + request : "I can't share internal reference codes, but I'm happy to help with your order.")
            : "We are open from 9:00 to 17:00, and refunds reach your card within five working days.";
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = 40, OutputTokenCount = 20, TotalTokenCount = 60 } };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The bench target answers whole responses only.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static uint Hash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
