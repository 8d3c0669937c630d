using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SecureReqs.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, an ephemeral port) that speaks the OpenAI chat-completions protocol,
/// non-streaming and streaming. By default it answers every request with <see cref="Reply"/>; a test scripts faults
/// with <see cref="OnRequest"/>. It counts every request it receives, so tests can prove a cache made none.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ServerRequest> _received = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _requests;

    private ChatCompletionsServer(WebApplication app) => _app = app;

    /// <summary>The server's root, such as http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The chat-completions API base to configure: <c>http://127.0.0.1:port/v1</c>.</summary>
    public Uri OpenAIEndpoint => new(Address, "v1");

    /// <summary>How many requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<ServerRequest> Received => [.. _received];

    /// <summary>The answer to a request, from its last user message. The default says the request was handled.</summary>
    public Func<string, string> Reply { get; set; } = _ => "Thanks for your message: your request has been handled.";

    /// <summary>The usage reported with each answer: prompt and completion tokens.</summary>
    public Func<ServerRequest, (int Prompt, int Completion)> Tokens { get; set; } = _ => (12, 8);

    /// <summary>A script run first for every request: return true when it wrote the response itself.</summary>
    public Func<ServerRequest, Task<bool>>? OnRequest { get; set; }

    /// <summary>Starts a server on 127.0.0.1 with an ephemeral port.</summary>
    /// <returns>The started server.</returns>
    public static async Task<ChatCompletionsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ChatCompletionsServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Address = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived.</summary>
    /// <param name="count">The number of requests.</param>
    /// <returns>A task.</returns>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_waiters)
        {
            if (Requests >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    /// <summary>Writes a complete chat-completions answer; a null <paramref name="text"/> is written as <c>"content": null</c> (an answer withheld by a content filter).</summary>
    public static Task WriteAnswerAsync(HttpContext context, string? text, string finishReason = "stop", (int Prompt, int Completion)? tokens = null)
    {
        var (prompt, completion) = tokens ?? (12, 8);
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Writes a streamed answer as server-sent events, ending with <paramref name="finishReason"/>; without <paramref name="finish"/> the stream stops short (no finish reason, no [DONE]).</summary>
    public static async Task WriteStreamAsync(HttpContext context, IEnumerable<string> chunks, bool finish = true, string finishReason = "stop")
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var chunk in chunks)
        {
            await WriteEventAsync(context, new JsonObject { ["role"] = "assistant", ["content"] = chunk }, null);
        }

        if (finish)
        {
            await WriteEventAsync(context, new JsonObject(), finishReason);
            await context.Response.WriteAsync("data: [DONE]\n\n");
        }

        await context.Response.Body.FlushAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task WriteEventAsync(HttpContext context, JsonObject delta, string? finishReason)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };
        return context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        JsonNode? body = null;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
        }

        var request = new ServerRequest(context, text, body, Interlocked.Increment(ref _requests));
        _received.Enqueue(request);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Count <= request.Number).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        if (OnRequest is { } script && await script(request))
        {
            return;
        }

        var answer = Reply(request.LastUserMessage);
        if (body?["stream"]?.GetValue<bool>() == true)
        {
            await WriteStreamAsync(context, answer.Chunk(5).Select(c => new string(c)));
            return;
        }

        await WriteAnswerAsync(context, answer, tokens: Tokens(request));
    }
}
