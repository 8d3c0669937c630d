using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecureReqs.Demo.Server;

/// <summary>
/// The SIMULATED support assistant (<see cref="DemoTargets"/>) served as a real ASP.NET Core app on Kestrel, listening
/// on 127.0.0.1 only, so that stories can be run against a deployed app over HTTP:
/// <list type="bullet">
/// <item><c>POST /api/chat</c> <c>{ "messages": [{ "role": "user", "content": "…" }], "session_id": "…" }</c> (or
/// <c>"message": "…"</c>; a message may carry <c>"context": { "kind", "classification" }</c>: content the caller
/// attaches, such as a pasted ticket or a forwarded e-mail, which the app treats as untrusted) answers <c>{ "session_id", "reply", "finish_reason", "guard", "role", "tool_calls", "retrieved" }</c>
/// (<c>retrieved</c>: the knowledge-base documents the retrieval step handed to the model, <c>{ "id", "title", "classification" }</c>):
/// the conversation is kept on the server under its session id (a fresh one when none is sent), and
/// <c>tool_calls</c> lists, as OpenAI does, every tool the assistant called for this turn, with its
/// <c>status</c> (<c>ran</c>, <c>failed</c>, <c>denied</c> by the tool policy, <c>held</c> for an approval that never
/// comes, or <c>rejected</c> when that approval was refused). <c>finish_reason</c> is <c>content_filter</c> when a guardrail blocked the request or removed content from
/// it. With <c>"stream": true</c> the answer is sent as server-sent events, as OpenAI-compatible servers stream.</item>
/// <item><c>POST /api/documents</c> <c>{ "id", "title", "classification", "content" }</c> indexes a document into the
/// knowledge base (the guarded build lets admins only); <c>DELETE /api/documents/{id}</c> removes it (admins only too).</item>
/// </list>
/// Every request needs an API key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>): a missing or unknown key is
/// refused with 401, and the key decides the caller's role and clearance (an <c>X-Caller-Clearance</c> header can only
/// lower the clearance).
/// </summary>
/// <remarks>Thread-safe. A session belongs to the key that started it; another key gets 404 for it. Keys are never logged.</remarks>
public sealed class DemoServer : IAsyncDisposable
{
    /// <summary>The header the demo reads the signed-in user's id from (its memory keeps facts per user).</summary>
    public const string UserHeader = "X-User-Id";

    /// <summary>
    /// The header a gateway in front of the app may send the signed-in caller's clearance in (public, internal or
    /// confidential). It can only lower what the key allows: the caller's clearance is the lower of the two.
    /// </summary>
    public const string ClearanceHeader = "X-Caller-Clearance";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Who the naive build serves when the key is missing or unknown.
    private static readonly DemoApiKey Guest = new("(none)", "customer");

    private readonly WebApplication _app;
    private readonly DemoServerOptions _options;
    private readonly ConcurrentDictionary<string, DemoSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _documentsLock = new();
    private List<KnowledgeDocument> _documents = [];
    private IChatClient _assistant;

    private DemoServer(WebApplication app, DemoServerOptions options)
    {
        _app = app;
        _options = options;
        _assistant = Create([]);
    }

    /// <summary>The server's root, such as <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The chat endpoint: <c>http://127.0.0.1:port/api/chat</c>.</summary>
    public Uri ChatEndpoint => new(Address, "api/chat");

    /// <summary>The document-indexing endpoint: <c>http://127.0.0.1:port/api/documents</c>.</summary>
    public Uri DocumentsEndpoint => new(Address, "api/documents");

    /// <summary>The build served.</summary>
    public DemoBuild Build => _options.Build;

    /// <summary>With <see cref="DemoServerOptions.Https"/>: the SHA-256 (hex) of the server's self-signed certificate, which
    /// a target trusts with <c>"tlsCertificateSha256"</c>; otherwise null.</summary>
    public string? CertificateSha256 { get; private init; }

    /// <summary>With <see cref="DemoServerOptions.Https"/>: the plain-HTTP listener's root, which only redirects to HTTPS; otherwise null.</summary>
    public Uri? PlainHttpAddress { get; private set; }

    /// <summary>How many documents were indexed through <c>POST /api/documents</c> and not removed.</summary>
    public int Documents
    {
        get
        {
            lock (_documentsLock)
            {
                return _documents.Count;
            }
        }
    }

    /// <summary>How many conversations the server holds.</summary>
    public int Sessions => _sessions.Count;

    /// <summary>Starts the server on 127.0.0.1.</summary>
    /// <param name="options">What to serve and the keys.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server.</returns>
    /// <exception cref="SecureReqsException">The options are invalid, or the port is taken.</exception>
    public static async Task<DemoServer> StartAsync(DemoServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        using var certificate = options.Https ? SelfSignedCertificate() : null;
        var serving = certificate is null ? null : X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (serving is not null)
                {
                    listen.UseHttps(serving);
                }
            });
            if (serving is not null)
            {
                k.Listen(IPAddress.Loopback, options.PlainHttpPort);
            }
        });
        if (options.Build == DemoBuild.Guarded)
        {
            // Every key has its own sliding window; a trial key's is small, the others' only stop a flood.
            builder.Services.AddRateLimiter(limiter =>
            {
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = (rejected, _) =>
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = "60";
                    return ValueTask.CompletedTask;
                };
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.Items[typeof(DemoApiKey)] is DemoApiKey key
                        ? RateLimitPartition.GetSlidingWindowLimiter(key.Key, _ => new SlidingWindowRateLimiterOptions { PermitLimit = key.RequestsPerMinute ?? options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 })
                        : RateLimitPartition.GetNoLimiter("unauthenticated"));
            });
        }

        var app = builder.Build();
        var server = new DemoServer(app, options) { CertificateSha256 = serving is null ? null : Convert.ToHexStringLower(SHA256.HashData(serving.RawData)) };
        if (serving is not null)
        {
            app.Use(server.RedirectPlainHttpAsync);
        }

        app.Use(server.AuthenticateAsync);
        if (options.Build == DemoBuild.Guarded)
        {
            app.UseRateLimiter();
        }

        app.MapPost("/api/chat", server.ChatAsync);
        app.MapPost("/api/documents", server.IndexAsync);
        app.MapDelete("/api/documents/{id}", server.RemoveDocument);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new SecureReqsException($"The demo server could not listen on 127.0.0.1:{options.Port} ({ex.Message.TrimEnd('.')}). Choose another port with --port, or stop what uses it.");
        }

        server.Address = new Uri(app.Urls.First(u => u.StartsWith(serving is null ? "http:" : "https:", StringComparison.Ordinal)).TrimEnd('/') + "/");
        if (serving is not null)
        {
            server.PlainHttpAddress = new Uri(app.Urls.First(u => u.StartsWith("http:", StringComparison.Ordinal)).TrimEnd('/') + "/");
        }

        return server;
    }

    /// <summary>Completes when the server stops (<paramref name="cancellationToken"/> is cancelled).</summary>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task.</returns>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: the normal way to stop.
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _assistant.Dispose();
    }

    private IChatClient Create(IReadOnlyList<KnowledgeDocument> extra) =>
        _options.Build == DemoBuild.Naive ? DemoTargets.CreateNaive(extra) : DemoTargets.CreateGuarded(extra);

    // The HTTPS build's plain-HTTP listener serves nothing: every request is sent to the same path over HTTPS.
    private Task RedirectPlainHttpAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.IsHttps)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
        context.Response.Headers.Location = new Uri(Address, context.Request.Path.Value?.TrimStart('/') + context.Request.QueryString).ToString();
        return Task.CompletedTask;
    }

    // A certificate for 127.0.0.1 made for this run: clients trust it by its SHA-256, never by a store.
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
    }

    // Every request needs a known key; the key found is kept for the endpoint. The naive build fails open: a request
    // without a key, or with one it does not know, is served as a guest customer.
    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var given = context.Request.Headers["X-Api-Key"].FirstOrDefault()
            ?? (context.Request.Headers.Authorization.FirstOrDefault() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null);
        if (_options.Build == DemoBuild.Naive && (string.IsNullOrEmpty(given) || !_options.Keys.Any(k => k.Key == given)))
        {
            context.Items[typeof(DemoApiKey)] = Guest;
            await next(context).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(given))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Error(context, StatusCodes.Status401Unauthorized, "an API key is required: send it in the X-Api-Key header or as Authorization: Bearer <key>").ConfigureAwait(false);
            return;
        }

        var givenBytes = Encoding.UTF8.GetBytes(given);
        var key = _options.Keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k.Key), givenBytes));
        if (key is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await Error(context, StatusCodes.Status401Unauthorized, "the API key is not valid").ConfigureAwait(false);
            return;
        }

        context.Items[typeof(DemoApiKey)] = key;
        await next(context).ConfigureAwait(false);
    }

    private async Task ChatAsync(HttpContext context)
    {
        var key = (DemoApiKey)context.Items[typeof(DemoApiKey)]!;
        if (await ReadBody(context).ConfigureAwait(false) is not JsonObject body)
        {
            return;
        }

        if (Messages(body) is not { } messages)
        {
            await Error(context, StatusCodes.Status400BadRequest, "the body needs \"messages\": [{ \"role\": \"user\", \"content\": \"...\" }] (roles user or assistant) or \"message\": \"...\"").ConfigureAwait(false);
            return;
        }

        DemoSession session;
        string id;
        if (body["session_id"] is JsonValue given && given.TryGetValue(out string? sent) && !string.IsNullOrEmpty(sent))
        {
            if (!_sessions.TryGetValue(sent, out var found) || found.Owner != key)
            {
                await Error(context, StatusCodes.Status404NotFound, "unknown session_id: start a new conversation by leaving session_id out").ConfigureAwait(false);
                return;
            }

            (session, id) = (found, sent);
        }
        else
        {
            id = "sess_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
            session = _sessions.GetOrAdd(id, _ => new DemoSession(key));
        }

        await session.Turn.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        ChatResponse response;
        IReadOnlyList<ToolInvocationRecord> invocations;
        IReadOnlyList<RetrievalRecord> retrievals;
        try
        {
            session.History.AddRange(messages);
            // The signed-in user, as a gateway that authenticated them would forward it: the demo's memory is per user.
            var user = context.Request.Headers[UserHeader].FirstOrDefault() is { Length: > 0 and <= 200 } named ? named : null;

            // The guarded build runs a read-only key's requests as a role the tool policy gives no tool; the naive one
            // ignores that the key is read-only.
            var role = key.ReadOnly && _options.Build == DemoBuild.Guarded ? "read-only" : key.Role;
            // The retrieval step of either build is given the caller's clearance: the guarded build's retriever filters by
            // it, the naive build's retrieves whatever is closest.
            using (var evidence = SecurityEvidence.Begin(new CallerIdentity(role, Clearance(key, context.Request.Headers[ClearanceHeader].FirstOrDefault())) { User = user }))
            {
                response = await Volatile.Read(ref _assistant).GetResponseAsync([.. session.History], cancellationToken: context.RequestAborted).ConfigureAwait(false);
                invocations = evidence.Invocations;
                retrievals = evidence.Retrievals;
            }

            session.History.AddRange(response.Messages);
            var held = response.Messages.SelectMany(m => m.Contents.OfType<ToolApprovalRequestContent>()).ToList();
            if (held.Count > 0)
            {
                // Nobody approves on this server: a held call is refused before the next turn.
                session.History.Add(new ChatMessage(ChatRole.User, [.. held.Select(h => (AIContent)h.CreateResponse(false, "Not approved: the demo server has no approver."))]));
            }
        }
        finally
        {
            session.Turn.Release();
        }

        var answer = Answer(id, key, response, invocations, retrievals);
        if (body["stream"] is JsonValue stream && stream.TryGetValue(out bool streamed) && streamed)
        {
            await StreamAsync(context, answer).ConfigureAwait(false);
            return;
        }

        await context.Response.WriteAsJsonAsync(answer, Json, context.RequestAborted).ConfigureAwait(false);
    }

    // The caller's clearance: the key's, lowered by a forwarded clearance header when it names a lower known level.
    private static string Clearance(DemoApiKey key, string? forwarded) =>
        Classification.IsKnown(forwarded) && Classification.IsAbove(key.Clearance, forwarded!) ? forwarded! : key.Clearance;

    private static JsonObject Answer(string session, DemoApiKey key, ChatResponse response, IReadOnlyList<ToolInvocationRecord> invocations, IReadOnlyList<RetrievalRecord> retrievals)
    {
        var guard = RefusalDetector.IsBlocked(response) ? "blocked" : RefusalDetector.IsSanitized(response) ? "sanitized" : null;
        var calls = new JsonArray();
        foreach (var content in response.Messages.SelectMany(m => m.Contents))
        {
            var (call, held) = content switch
            {
                FunctionCallContent c => (c, false),
                ToolApprovalRequestContent { ToolCall: FunctionCallContent h } => (h, true),
                _ => (null, false),
            };
            if (call is null)
            {
                continue;
            }

            var ran = invocations.LastOrDefault(i => i.CallId == call.CallId);
            calls.Add(new JsonObject
            {
                ["id"] = call.CallId,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = RecordingAIFunction.ArgumentsJson(call.Arguments) },
                // A call that neither ran nor waits was refused before it ran: an approval nobody gave.
                ["status"] = held ? "held" : ran?.Status.ToString().ToLowerInvariant() ?? "rejected",
            });
        }

        return new JsonObject
        {
            ["session_id"] = session,
            ["reply"] = response.Text,
            ["finish_reason"] = guard is null ? "stop" : "content_filter",
            ["guard"] = guard,
            ["role"] = key.Role,
            ["tool_calls"] = calls,

            // What the retrieval step handed to the model for this turn, each document once, with its label.
            ["retrieved"] = new JsonArray([.. retrievals.DistinctBy(r => r.DocumentId).Select(r => (JsonNode)new JsonObject { ["id"] = r.DocumentId, ["title"] = r.Title, ["classification"] = r.Classification })]),
        };
    }

    // The answer as OpenAI-compatible servers stream it: the reply in a few chunks, then the finish reason, the session
    // and the tool calls, then [DONE].
    private static async Task StreamAsync(HttpContext context, JsonObject answer)
    {
        context.Response.ContentType = "text/event-stream";
        var reply = answer["reply"]!.GetValue<string>();
        var size = Math.Max(1, (reply.Length + 2) / 3);
        for (var start = 0; start < reply.Length; start += size)
        {
            var piece = reply.Substring(start, Math.Min(size, reply.Length - start));
            await Event(new JsonObject { ["session_id"] = answer["session_id"]!.DeepClone(), ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = piece }, ["finish_reason"] = null }) }).ConfigureAwait(false);
        }

        await Event(new JsonObject
        {
            ["session_id"] = answer["session_id"]!.DeepClone(),
            ["guard"] = answer["guard"]?.DeepClone(),
            ["role"] = answer["role"]!.DeepClone(),
            ["retrieved"] = answer["retrieved"]!.DeepClone(),
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["tool_calls"] = answer["tool_calls"]!.DeepClone() }, ["finish_reason"] = answer["finish_reason"]!.DeepClone() }),
        }).ConfigureAwait(false);
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted).ConfigureAwait(false);

        Task Event(JsonObject data) => context.Response.WriteAsync($"data: {data.ToJsonString()}\n\n", context.RequestAborted);
    }

    private async Task IndexAsync(HttpContext context)
    {
        var key = (DemoApiKey)context.Items[typeof(DemoApiKey)]!;
        if (_options.Build == DemoBuild.Guarded && (key.Role != "admin" || key.ReadOnly))
        {
            await Error(context, StatusCodes.Status403Forbidden, $"a {key.Role} key cannot index documents: only admin keys can").ConfigureAwait(false);
            return;
        }

        if (await ReadBody(context).ConfigureAwait(false) is not JsonObject body)
        {
            return;
        }

        string? Text(string name) => body[name] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;
        var (id, content) = (Text("id"), Text("content"));
        var classification = Text("classification") ?? Classification.Public;
        if (id is null || content is null || classification is not (Classification.Public or Classification.Internal or Classification.Confidential))
        {
            await Error(context, StatusCodes.Status400BadRequest, "a document needs \"id\" and \"content\", and \"classification\" public, internal or confidential").ConfigureAwait(false);
            return;
        }

        var document = new KnowledgeDocument(id, Text("title") ?? id, classification, content) { Canary = Text("canary"), Source = "api/documents" };
        int count;
        lock (_documentsLock)
        {
            _documents = [.. _documents.Where(d => d.Id != id), document];
            count = _documents.Count;
            Volatile.Write(ref _assistant, Create(_documents));
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = id, ["indexed"] = true, ["documents"] = count }, Json, context.RequestAborted).ConfigureAwait(false);
    }

    private IResult RemoveDocument(string id, HttpContext context)
    {
        var key = (DemoApiKey)context.Items[typeof(DemoApiKey)]!;
        if (_options.Build == DemoBuild.Guarded && (key.Role != "admin" || key.ReadOnly))
        {
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = $"a {key.Role} key cannot remove documents: only admin keys can" } }, statusCode: StatusCodes.Status403Forbidden);
        }

        lock (_documentsLock)
        {
            if (_documents.All(d => d.Id != id))
            {
                return Results.NotFound(new JsonObject { ["error"] = new JsonObject { ["message"] = $"no indexed document \"{id}\"" } });
            }

            _documents = [.. _documents.Where(d => d.Id != id)];
            Volatile.Write(ref _assistant, Create(_documents));
        }

        return Results.NoContent();
    }

    private static List<ChatMessage>? Messages(JsonObject body)
    {
        if (body["message"] is JsonValue single && single.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text))
        {
            return [new ChatMessage(ChatRole.User, text)];
        }

        if (body["messages"] is not JsonArray { Count: > 0 } array)
        {
            return null;
        }

        var messages = new List<ChatMessage>();
        foreach (var item in array)
        {
            // Callers write user and assistant turns, and attach context (a pasted ticket, a forwarded e-mail, an earlier
            // tool result), which the app treats as untrusted content: the system prompt is the app's own.
            var role = item?["role"] is JsonValue r && r.TryGetValue(out string? name) ? name : null;
            var content = item?["content"] is JsonValue c && c.TryGetValue(out string? said) ? said : null;
            var context = item?["context"] as JsonObject;
            if (content is null || (role is not ("user" or "assistant") && !(role == "tool" && context is not null)))
            {
                return null;
            }

            messages.Add(context is null
                ? new ChatMessage(role == "user" ? ChatRole.User : ChatRole.Assistant, content)
                : Attached(role!, content, context));
        }

        return messages.Any(m => m.Role == ChatRole.User) ? messages : null;
    }

    // A context message as the in-process app sees one: marked with its kind and classification; an earlier tool call
    // of the application as its call and its result.
    private static ChatMessage Attached(string role, string content, JsonObject context)
    {
        string? Text(string name) => context[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        var properties = new AdditionalPropertiesDictionary
        {
            [CaseInstantiator.ContextKindProperty] = Text("kind") ?? "document",
            [CaseInstantiator.ContextLabelProperty] = Text("classification") ?? Classification.Public,
        };
        var callId = Text("call_id") ?? "ctx";
        return role switch
        {
            "assistant" when Text("tool") is { } tool => new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, tool, Arguments(Text("arguments")))]) { AdditionalProperties = properties },
            "tool" => new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, content)]) { AdditionalProperties = properties },
            _ => new ChatMessage(role == "user" ? ChatRole.User : ChatRole.Assistant, content) { AdditionalProperties = properties },
        };
    }

    private static Dictionary<string, object?> Arguments(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? "{}");
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static async Task<JsonNode?> ReadBody(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) is JsonObject body
                ? body
                : await Invalid().ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return await Invalid().ConfigureAwait(false);
        }

        async Task<JsonNode?> Invalid()
        {
            await Error(context, StatusCodes.Status400BadRequest, "the body must be a JSON object").ConfigureAwait(false);
            return null;
        }
    }

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = message } }, Json, context.RequestAborted);
    }
}
