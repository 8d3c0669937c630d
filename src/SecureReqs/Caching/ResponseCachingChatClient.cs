using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// Answers repeated requests from a <see cref="DiskResponseCache"/>, so a repeated run makes no requests to the target.
/// The key is the SHA-256 of a canonical JSON of the target's name, its scope (what else decides the answer, such as
/// the endpoint and the request template), the model, every message (role, author and contents), the options, and the
/// attempt number: the n-th identical request this client sends is attempt n, so a case attempted three times keeps
/// three answers.
/// </summary>
/// <remarks>
/// Thread-safe. Only complete answers are kept: an exception, a timeout, a cancellation, an empty answer or one cut
/// short by the token limit (<see cref="ChatFinishReason.Length"/>) is never cached. Streaming requests pass through
/// uncached. A replayed answer carries the latency of the request that filled the cache in
/// <see cref="ChatResponse.AdditionalProperties"/> under <see cref="CachedLatencyProperty"/>, which
/// <see cref="SecurityRun"/> reports instead of the replay's own.
/// </remarks>
public sealed class ResponseCachingChatClient : DelegatingChatClient
{
    /// <summary>The <see cref="ChatResponse.AdditionalProperties"/> key of a replayed answer's original latency (a <see cref="TimeSpan"/>).</summary>
    public const string CachedLatencyProperty = "securereqs.cache.latency";

    private readonly DiskResponseCache _cache;
    private readonly string _target;
    private readonly string? _scope;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private int _hits;
    private int _misses;

    /// <summary>Creates the client.</summary>
    /// <param name="innerClient">The target's client.</param>
    /// <param name="cache">Where answers are kept.</param>
    /// <param name="targetName">The target's name, part of every key.</param>
    /// <param name="scope">Anything else that decides the answer (endpoint, request template), part of every key; never a secret.</param>
    /// <param name="timeProvider">The clock that measures latency, or null for the system clock.</param>
    public ResponseCachingChatClient(IChatClient innerClient, DiskResponseCache cache, string targetName, string? scope = null, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetName);
        _cache = cache;
        _target = targetName;
        _scope = scope;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Gets a value indicating whether the client answers only from the cache: a request it holds no answer for is an
    /// error naming the target, and nothing is ever sent (a replay of a recorded run).
    /// </summary>
    public bool ReplayOnly { get; init; }

    /// <summary>How many requests were answered from the cache.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>How many requests went to the target.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <inheritdoc />
    /// <remarks>Streaming requests are not cached; in a replay they are an error.</remarks>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplayOnly
            ? throw new SecureReqsException($"not recorded: \"{_target}\" was asked for a streaming answer, which the response cache does not keep, and a replay sends nothing.")
            : base.GetStreamingResponseAsync(messages, options, cancellationToken);

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        var identity = Hash(Canonical(request, options, attempt: 0));
        var attempt = _occurrences.AddOrUpdate(identity, 1, (_, n) => n + 1);
        var key = Hash(Canonical(request, options, attempt));
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            Interlocked.Increment(ref _hits);
            (cached.Response.AdditionalProperties ??= [])[CachedLatencyProperty] = cached.Latency;
            return cached.Response;
        }

        Interlocked.Increment(ref _misses);
        if (ReplayOnly)
        {
            throw new SecureReqsException($"not recorded: the response cache holds no answer of \"{_target}\" to this request, and a replay sends nothing. Record it with a run without --replay (the same cache folder), or keep the cache of the run you replay whole.");
        }

        var started = _time.GetTimestamp();
        var response = await base.GetResponseAsync(request, options, cancellationToken).ConfigureAwait(false);
        var latency = _time.GetElapsedTime(started);
        if (IsComplete(response))
        {
            await _cache.SetAsync(key, new CachedResponse(response, latency), cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Whether an answer may be cached: it has text or tool calls and was not cut short by the token limit.</summary>
    /// <param name="response">The answer.</param>
    /// <returns>True when it may be cached.</returns>
    public static bool IsComplete(ChatResponse response) =>
        response.FinishReason != ChatFinishReason.Length
        && (!string.IsNullOrWhiteSpace(response.Text) || response.Messages.Any(m => m.Contents.OfType<FunctionCallContent>().Any()));

    private byte[] Canonical(IReadOnlyList<ChatMessage> request, ChatOptions? options, int attempt)
    {
        var model = options?.ModelId ?? InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("cache", DiskResponseCache.Schema);
            json.WriteString("target", _target);
            json.WriteString("scope", _scope);
            json.WriteString("model", model);
            json.WriteStartArray("messages");
            foreach (var message in request)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                json.WriteString("author", message.AuthorName);
                json.WritePropertyName("contents");
                JsonSerializer.Serialize(json, message.Contents, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<AIContent>)));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("options");
            JsonSerializer.Serialize(json, options, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatOptions)));
            json.WriteNumber("attempt", attempt);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Hash(byte[] canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));
}
