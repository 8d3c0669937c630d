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
/// </summary>
internal sealed class HttpJsonChatClient(EndpointTargetOptions options, HttpClient http) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("http", options.Endpoint, options.Model);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        var body = Render(options.Body!, request, chatOptions?.ModelId ?? options.Model);
        using var message = new HttpRequestMessage(new HttpMethod(options.Method), options.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // EndpointChatClient says what the status means, with what the body says.
            var error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new EndpointStatusException((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, error);
        }

        // EndpointHandler has checked that the body is one whole JSON value (after a byte order mark, if any).
        var answerBytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(answerBytes.AsMemory(answerBytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
        var finishReason = ReadFinishReason(json.RootElement);
        var answer = ReadAnswer(json.RootElement, finishReason);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = options.Model,
            FinishReason = finishReason ?? ChatFinishReason.Stop,
            Usage = Usage(json.RootElement),
        };
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

    /// <summary>Fills the template: "{{messages}}" becomes the message array; {{prompt}}, {{systemPrompt}} and {{model}} are replaced inside strings.</summary>
    internal JsonNode Render(JsonNode template, IReadOnlyList<ChatMessage> messages, string? model)
    {
        var prompt = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var system = options.SystemPrompt ?? "";
        return Fill(template);

        JsonNode Fill(JsonNode node) => node switch
        {
            JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Fill(p.Value)))),
            JsonArray array => new JsonArray([.. array.Select(i => i is null ? null : Fill(i))]),
            JsonValue value when value.TryGetValue(out string? s) && s == "{{messages}}" => new JsonArray([.. messages.Select(m => new JsonObject { ["role"] = m.Role.Value, ["content"] = m.Text })]),
            JsonValue value when value.TryGetValue(out string? s) => JsonValue.Create(s
                .Replace("{{prompt}}", prompt, StringComparison.Ordinal)
                .Replace("{{systemPrompt}}", system, StringComparison.Ordinal)
                .Replace("{{model}}", model ?? "", StringComparison.Ordinal)),
            _ => node.DeepClone(),
        };
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
}
