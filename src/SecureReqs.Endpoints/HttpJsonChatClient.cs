using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// A chat client for an app's own JSON API: the request body is the configured template with the messages filled in,
/// the answer is the string at the configured path of the response, and the finish reason the one at its configured
/// path, if any. An answer that has no string there ends as an <see cref="InvalidAnswerException"/> naming the path.
/// A streamed answer (<c>text/event-stream</c>) is read whole (<see cref="EventStreamAnswer"/>). With a session
/// (<see cref="EndpointSessionOptions"/>), each answer's session id is kept on its message, and the next request of the
/// same conversation carries it and only the messages since that answer.
/// </summary>
internal sealed class HttpJsonChatClient(EndpointTargetOptions options, HttpClient http) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("http", options.Endpoint, options.Model);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        var session = options.Session is null ? null : chatOptions?.ConversationId ?? SessionOf(request, out request);
        var body = Render(options.Body!, request, chatOptions?.ModelId ?? options.Model, session, CallerIdentity.Of(chatOptions));
        using var message = new HttpRequestMessage(new HttpMethod(options.Method), options.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (session is not null && options.Session is { } sent)
        {
            if (sent.Header is { } header)
            {
                message.Headers.TryAddWithoutValidation(header, session);
            }

            if (sent.Cookie is { } cookie)
            {
                message.Headers.TryAddWithoutValidation("Cookie", $"{cookie}={session}");
            }
        }

        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // EndpointChatClient says what the status means, with what the body says.
            var error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new EndpointStatusException((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, error);
        }

        var answer = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? Streamed(EventStreamAnswer.Read(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), options))
            : Whole(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (options.Session is { } kept)
        {
            // The answer's session id, or the one sent when the server does not repeat it.
            var id = (kept.Cookie is { } name ? CookieOf(response, name) : answer.SessionId) ?? session
                ?? throw new InvalidAnswerException(kept.Cookie is { } missing
                    ? $"the answer set no cookie \"{missing}\" to keep the conversation in; check {kept.Setting} in securereqs.json"
                    : $"the answer has no session id at \"{kept.IdPath}\" ({answer.SessionMissing}); check {kept.Setting} in securereqs.json");
            answer.Response.ConversationId = id;
            foreach (var reply in answer.Response.Messages)
            {
                (reply.AdditionalProperties ??= [])[EndpointSessionOptions.MessageProperty] = id;
            }
        }

        return answer.Response;
    }

    /// <summary>The session id of an answer's JSON at <paramref name="path"/>: a string or a number; null when there is none.</summary>
    internal static string? SessionIdAt(JsonElement root, string path) => EndpointAnswers.Find(root, path).Value switch
    {
        { ValueKind: JsonValueKind.String } text when !string.IsNullOrWhiteSpace(text.GetString()) => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    // The session the conversation is in: the id on the last message that carries one (an answer of this target). The
    // request then holds only the messages after it, since the server keeps the rest; without one, the whole request
    // starts a new session.
    private static string? SessionOf(IReadOnlyList<ChatMessage> request, out IReadOnlyList<ChatMessage> unsent)
    {
        for (var i = request.Count - 1; i >= 0; i--)
        {
            if (request[i].AdditionalProperties?.TryGetValue(EndpointSessionOptions.MessageProperty, out string? id) is true && id is not null)
            {
                unsent = [.. request.Skip(i + 1)];
                return id;
            }
        }

        unsent = request;
        return null;
    }

    private static string? CookieOf(HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return null;
        }

        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals].Trim() == name && pair[(equals + 1)..].Trim().Trim('"') is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    private Answer Whole(byte[] answerBytes)
    {
        // EndpointHandler has checked that the body is one whole JSON value (after a byte order mark, if any).
        using var json = JsonDocument.Parse(answerBytes.AsMemory(answerBytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
        var finishReason = ReadFinishReason(json.RootElement);
        var calls = options.ToolCallsPath is { } callsPath && EndpointAnswers.Find(json.RootElement, callsPath).Value is { ValueKind: not JsonValueKind.Null } found
            ? ToolCallsReader.Read(found, callsPath, "\"toolCallsPath\"")
            : [];
        var text = calls.Count > 0 && EndpointAnswers.Find(json.RootElement, options.ResponsePath!).Value is null or { ValueKind: JsonValueKind.Null }
            ? ""
            : ReadAnswer(json.RootElement, finishReason);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, [new TextContent(text), .. calls]))
        {
            ModelId = options.Model,
            FinishReason = finishReason ?? ChatFinishReason.Stop,
            Usage = Usage(json.RootElement),
        };
        if (options.RetrievalsPath is { } retrievalsPath)
        {
            var (retrieved, missing) = EndpointAnswers.Find(json.RootElement, retrievalsPath);
            RetrievalsReader.Read(retrieved, missing, retrievalsPath, "\"retrievalsPath\"", response.Messages[0]);
        }

        var idPath = options.Session?.IdPath;
        return new Answer(
            response,
            idPath is null ? null : SessionIdAt(json.RootElement, idPath),
            idPath is null ? null : EndpointAnswers.Find(json.RootElement, idPath).Missing ?? "it is empty or not a string");
    }

    private Answer Streamed(EventStreamAnswer stream)
    {
        var (input, output, total) = stream.Tokens;
        var calls = stream.ToolCalls.Count > 0 ? ToolCallsReader.FromStreamed(stream.ToolCalls, options.StreamToolCallsPath, "\"stream.toolCallsPath\"") : [];
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, [new TextContent(stream.Text), .. calls]))
        {
            ModelId = options.Model,
            FinishReason = stream.FinishReason ?? ChatFinishReason.Stop,
            Usage = input is null && output is null && total is null ? null : new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = total },
        };
        if (options.RetrievalsPath is { } retrievalsPath)
        {
            var path = options.StreamRetrievalsPath ?? retrievalsPath;
            RetrievalsReader.Read(stream.Retrievals, "no event of the streamed answer has it", path, options.StreamRetrievalsPath is null ? "\"retrievalsPath\"" : "\"stream.retrievalsPath\"", response.Messages[0]);
        }

        return new Answer(response, stream.SessionId, "no event of the streamed answer has one");
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The HTTP client belongs to the target's connection.
    }

    /// <summary>
    /// Fills the template: "{{messages}}" becomes the message array (without messages that have nothing to send, such as
    /// an approval response); {{prompt}}, {{systemPrompt}}, {{model}} and
    /// {{session}} are replaced inside strings, {{user}} by the case's synthetic user id (empty when the case names no
    /// user), and {{caller.role}} and {{caller.clearance}} by the case's caller. A property whose whole value is "{{session}}" is left out of the first request of a conversation, which has
    /// no session yet.
    /// </summary>
    internal JsonNode Render(JsonNode template, IReadOnlyList<ChatMessage> messages, string? model, string? session = null, CallerIdentity? caller = null)
    {
        var user = caller?.User;
        var prompt = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var system = options.SystemPrompt ?? "";
        return Fill(template);

        JsonNode Fill(JsonNode node) => node switch
        {
            JsonObject obj => new JsonObject(obj
                .Where(p => session is not null || !(p.Value is JsonValue v && v.TryGetValue(out string? whole) && whole == "{{session}}"))
                .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Fill(p.Value)))),
            JsonArray array => new JsonArray([.. array.Select(i => i is null ? null : Fill(i))]),
            JsonValue value when value.TryGetValue(out string? s) && s == "{{messages}}" => new JsonArray([.. messages.Select(Message).Where(m => m.Count > 2 || m["content"]!.GetValue<string>().Length > 0)]),
            JsonValue value when value.TryGetValue(out string? s) => JsonValue.Create(s
                .Replace("{{prompt}}", prompt, StringComparison.Ordinal)
                .Replace("{{systemPrompt}}", system, StringComparison.Ordinal)
                .Replace("{{model}}", model ?? "", StringComparison.Ordinal)
                .Replace("{{session}}", session ?? "", StringComparison.Ordinal)
                .Replace("{{user}}", user ?? "", StringComparison.Ordinal)
                .Replace("{{caller.role}}", caller?.Role ?? "", StringComparison.Ordinal)
                .Replace("{{caller.clearance}}", caller?.Clearance ?? "", StringComparison.Ordinal)),
            _ => node.DeepClone(),
        };
    }

    // One message of {{messages}}: its role and text (a tool result's text for a tool message), and, with "contextField",
    // what a context message (a document, record, e-mail or tool result the case supplies) is: its kind, its
    // classification, and for an earlier tool call of the application, the tool, its arguments and the call's id.
    private JsonObject Message(ChatMessage message)
    {
        var item = new JsonObject { ["role"] = message.Role.Value, ["content"] = message.Text.Length > 0 ? message.Text : MessageText.Of(message) };
        if (options.ContextField is { } field && message.AdditionalProperties?.TryGetValue(CaseInstantiator.ContextKindProperty, out string? kind) is true)
        {
            var context = new JsonObject
            {
                ["kind"] = kind,
                ["classification"] = message.AdditionalProperties.TryGetValue(CaseInstantiator.ContextLabelProperty, out string? label) ? label : null,
            };
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case FunctionCallContent call:
                        (context["tool"], context["arguments"], context["call_id"]) = (call.Name, RecordingAIFunction.ArgumentsJson(call.Arguments), call.CallId);
                        break;
                    case FunctionResultContent result:
                        context["call_id"] = result.CallId;
                        break;
                }
            }

            item[field] = context;
        }

        return item;
    }

    // The string at "responsePath". An answer withheld by a content filter may have none: it is then empty.
    private string ReadAnswer(JsonElement root, ChatFinishReason? finishReason)
    {
        var path = options.ResponsePath!;
        var (value, missing) = EndpointAnswers.Find(root, path);
        return value switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString()!,
            null or { ValueKind: JsonValueKind.Null } when finishReason == ChatFinishReason.ContentFilter => "",
            null => throw new InvalidAnswerException($"the answer has no value at \"{path}\" ({missing}); check \"responsePath\" in securereqs.json"),
            { } other => throw new InvalidAnswerException($"the answer has {EndpointAnswers.Describe(other)}, not a string, at \"{path}\"; check \"responsePath\" in securereqs.json"),
        };
    }

    // The finish reason at "finishReasonPath", or null when none is configured or the answer gives none.
    private ChatFinishReason? ReadFinishReason(JsonElement root)
    {
        if (options.FinishReasonPath is not { } path)
        {
            return null;
        }

        return EndpointAnswers.Find(root, path).Value switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } text => EndpointAnswers.FinishReason(text.GetString()),
            { } other => throw new InvalidAnswerException($"the answer has {EndpointAnswers.Describe(other)}, not a string, at \"{path}\"; check \"finishReasonPath\" in securereqs.json"),
        };
    }

    private UsageDetails? Usage(JsonElement root)
    {
        long? Count(string? path) => path is not null && EndpointAnswers.Find(root, path).Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;
        var (input, output, total) = (Count(options.InputTokensPath), Count(options.OutputTokensPath), Count(options.TotalTokensPath));
        return input is null && output is null && total is null ? null : new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = total };
    }

    // An answer read, with the session id it carries (or why it has none).
    private sealed record Answer(ChatResponse Response, string? SessionId, string? SessionMissing);
}
