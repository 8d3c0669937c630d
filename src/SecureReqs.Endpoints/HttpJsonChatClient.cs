using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// A chat client for an app's own JSON API: the request body is the configured template with the messages filled in,
/// and the answer is the string at the configured path of the response.
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
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The status is in the exception; EndpointChatClient writes the message around this excerpt of the body.
            throw new HttpRequestException(Excerpt(text), null, response.StatusCode);
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the endpoint's answer is not JSON ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.')}): {Excerpt(text)}");
        }

        var answer = Select(json, options.ResponsePath!) switch
        {
            JsonValue value when value.TryGetValue(out string? s) => s,
            null => throw new InvalidDataException($"the endpoint's answer has no field \"{options.ResponsePath}\" (responsePath): {Excerpt(text)}"),
            var other => throw new InvalidDataException($"the field \"{options.ResponsePath}\" (responsePath) is {other.GetValueKind().ToString().ToLowerInvariant()}, not a string: {Excerpt(text)}"),
        };
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = options.Model,
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(json),
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

    /// <summary>The node at a dotted path ("choices.0.message.content"), or null.</summary>
    internal static JsonNode? Select(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(part, out var child) ? child : null,
                JsonArray array when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    private UsageDetails? Usage(JsonNode? json)
    {
        long? Count(string? path) => path is not null && Select(json, path) is JsonValue v && v.TryGetValue(out long n) ? n : null;
        var (input, output, total) = (Count(options.InputTokensPath), Count(options.OutputTokensPath), Count(options.TotalTokensPath));
        return input is null && output is null && total is null ? null : new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = total };
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
