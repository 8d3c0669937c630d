using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// Reads the tool calls an answer reports, in OpenAI's <c>tool_calls</c> shape
/// (<c>[{ "id", "type": "function", "function": { "name", "arguments": "&lt;JSON&gt;" } }]</c>) or flat
/// (<c>[{ "id", "name", "arguments": { … } }]</c>), as the function calls a model requested; a call whose
/// <c>status</c> is <c>held</c> (or <c>approval_required</c>, <c>pending_approval</c>) waits for an approval. Streamed
/// answers give OpenAI's fragments (an <c>index</c>, and the arguments in pieces), which are joined first. A call whose
/// status says the app refused it (<c>denied</c>, <c>refused</c>, <c>blocked</c>, <c>rejected</c>) keeps the status in
/// its additional properties, and <see cref="ConfiguredRequestChatClient"/> reports it to the run as a refused invocation.
/// </summary>
internal static class ToolCallsReader
{
    /// <summary>The key, in a reported call's additional properties, of the status the answer gave it (<c>denied</c>, <c>ran</c>, …).</summary>
    public const string StatusProperty = "securereqs.status";

    /// <summary>The statuses that say the app's own controls refused the call: it did not run.</summary>
    public static readonly string[] DeniedStatuses = ["denied", "refused", "blocked", "rejected"];

    private static readonly string[] HeldStatuses = ["held", "approval_required", "pending_approval"];

    /// <summary>The calls in <paramref name="calls"/>, an array at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidAnswerException">It is not an array, or a call has no name or unreadable arguments.</exception>
    public static List<AIContent> Read(JsonElement calls, string path, string setting)
    {
        if (calls.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidAnswerException($"the answer has {EndpointAnswers.Describe(calls)}, not an array of tool calls, at \"{path}\"; check {setting} in securereqs.json");
        }

        var read = new List<AIContent>();
        var position = 0;
        foreach (var call in calls.EnumerateArray())
        {
            position++;
            var function = call.ValueKind == JsonValueKind.Object && call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : call;
            var name = Text(function, "name")
                ?? throw new InvalidAnswerException($"tool call {position} at \"{path}\" has no name (\"function.name\" or \"name\"); check {setting} in securereqs.json");
            var id = Text(call, "id") ?? $"call-{position}";
            var arguments = Arguments(function, position, path);
            var content = new FunctionCallContent(id, name, arguments);
            var status = Text(call, "status");
            if (status is not null)
            {
                content.AdditionalProperties = new() { [StatusProperty] = status.ToLowerInvariant() };
            }

            read.Add(status is not null && HeldStatuses.Contains(status, StringComparer.OrdinalIgnoreCase)
                ? new ToolApprovalRequestContent(id, content)
                : content);
        }

        return read;
    }

    /// <summary>
    /// Adds a streamed event's tool-call items to <paramref name="calls"/>: an item with an <c>id</c> starts a call, one
    /// with only an <c>index</c> adds its piece of the arguments to the call at that index (OpenAI's streamed shape).
    /// </summary>
    public static void AddStreamed(JsonElement items, List<Dictionary<string, object?>> calls)
    {
        if (items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var function = item.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : item;
            var index = item.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : (int?)null;
            var existing = index is null || Text(item, "id") is not null ? null : calls.FirstOrDefault(c => Equals(c["index"], index));
            if (existing is null)
            {
                calls.Add(new Dictionary<string, object?>
                {
                    ["index"] = index,
                    ["id"] = Text(item, "id"),
                    ["name"] = Text(function, "name"),
                    ["arguments"] = function.TryGetProperty("arguments", out var a) ? (a.ValueKind == JsonValueKind.String ? a.GetString() : a.GetRawText()) : null,
                    ["status"] = Text(item, "status"),
                });
                continue;
            }

            if (function.TryGetProperty("arguments", out var piece) && piece.ValueKind == JsonValueKind.String)
            {
                existing["arguments"] = (existing["arguments"] as string) + piece.GetString();
            }

            existing["name"] ??= Text(function, "name");
        }
    }

    /// <summary>The joined streamed calls, as <see cref="Read"/> reads whole ones.</summary>
    public static List<AIContent> FromStreamed(List<Dictionary<string, object?>> calls, string path, string setting)
    {
        var json = JsonSerializer.Serialize(calls.Select(c => new Dictionary<string, object?>
        {
            ["id"] = c["id"],
            ["status"] = c["status"],
            ["function"] = new Dictionary<string, object?> { ["name"] = c["name"], ["arguments"] = c["arguments"] },
        }));
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, path, setting);
    }

    private static Dictionary<string, object?> Arguments(JsonElement function, int position, string path)
    {
        if (!function.TryGetProperty("arguments", out var arguments) || arguments.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (arguments.ValueKind == JsonValueKind.String)
        {
            var text = arguments.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                return [];
            }

            try
            {
                using var parsed = JsonDocument.Parse(text);
                return parsed.RootElement.ValueKind == JsonValueKind.Object
                    ? Fields(parsed.RootElement)
                    : throw new InvalidAnswerException($"tool call {position} at \"{path}\" has arguments that are not a JSON object");
            }
            catch (JsonException)
            {
                throw new InvalidAnswerException($"tool call {position} at \"{path}\" has arguments that are not JSON (\"{EndpointAnswers.Clip(EndpointAnswers.OneLine(text), 60)}\")");
            }
        }

        return arguments.ValueKind == JsonValueKind.Object
            ? Fields(arguments)
            : throw new InvalidAnswerException($"tool call {position} at \"{path}\" has arguments that are {EndpointAnswers.Describe(arguments)}, not a JSON object");
    }

    private static Dictionary<string, object?> Fields(JsonElement obj) =>
        obj.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
