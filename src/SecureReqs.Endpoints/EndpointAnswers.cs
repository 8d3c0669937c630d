using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// An endpoint's answer that cannot be read, said as one sentence (what was wrong; what to check) without the target's
/// name, which <see cref="EndpointChatClient"/> adds. Never retried: asking again gets the same answer.
/// </summary>
internal sealed class InvalidAnswerException(string message) : Exception(message);

/// <summary>An http target's endpoint answered an HTTP error status; <see cref="EndpointChatClient"/> says what it means.</summary>
internal sealed class EndpointStatusException(int status, string? mediaType, string body) : Exception($"HTTP {status}")
{
    public int Status { get; } = status;

    public string? MediaType { get; } = mediaType;

    public string Body { get; } = body;
}

/// <summary>
/// Checks an answer before it is read, and the words of the sentences that say what is wrong with one. Every sentence is
/// plain: no framework exception text, one line, the setting to check named as it is written in <c>securereqs.json</c>.
/// </summary>
internal static class EndpointAnswers
{
    public const string JsonHint = "check that the endpoint returns application/json";

    public const string ApiBaseHint = "check that \"endpoint\" in securereqs.json is the API base of an OpenAI-compatible server, such as https://<host>/v1";

    /// <summary>The finish reasons an OpenAI-compatible answer may give.</summary>
    public static readonly string[] OpenAIFinishReasons = ["stop", "length", "content_filter", "tool_calls", "function_call"];

    /// <summary>
    /// What is wrong with a successful, complete (not streamed) answer: none, an HTML page, JSON that is broken or cut
    /// short, or (for an OpenAI-compatible target) JSON that is not a chat-completions answer; null when it is readable.
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> body, string? mediaType, int status, EndpointKind kind)
    {
        body = WithoutBom(body);
        if (IsBlank(body))
        {
            return $"the answer was empty (HTTP {status} with no body); {(kind == EndpointKind.OpenAI ? ApiBaseHint : JsonHint)}";
        }

        if (IsHtml(mediaType, body))
        {
            return $"the answer was an HTML page ({mediaType ?? "no content type"}, {Bytes(body.Length)}), not JSON; check \"endpoint\" in securereqs.json, since a login, proxy or error page answered instead of the API";
        }

        if (JsonProblem(body) is { } broken)
        {
            var type = mediaType is null || IsJson(mediaType) ? "" : $", content type {mediaType}";
            return $"the answer was not valid JSON ({broken}{type}); {JsonHint}";
        }

        return kind == EndpointKind.OpenAI ? ChatCompletionProblem(body, status) : null;
    }

    /// <summary>What the body of an HTTP error says, as a clause to add to the sentence: <c>, saying "…"</c>, <c>, as an HTML page</c>, or nothing.</summary>
    public static string Said(string? mediaType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        if (IsBlank(bytes))
        {
            return "";
        }

        if (IsHtml(mediaType, bytes))
        {
            return ", as an HTML page";
        }

        var text = body;
        if (JsonProblem(WithoutBom(bytes)) is null)
        {
            using var json = JsonDocument.Parse(WithoutBom(bytes).ToArray());
            text = ErrorText(json.RootElement) ?? json.RootElement.GetRawText();
        }

        return $", saying \"{Clip(OneLine(text), 200)}\"";
    }

    /// <summary>The reason phrase of a status, such as "Not Found", or empty.</summary>
    public static string Reason(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ when Enum.IsDefined((HttpStatusCode)status) => string.Join(' ', SplitWords(((HttpStatusCode)status).ToString())),
        _ => "",
    };

    /// <summary>The finish reason a configured value names: OpenAI's, and the usual words of other APIs.</summary>
    public static ChatFinishReason? FinishReason(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "stop" or "end_turn" or "stop_sequence" or "eos" or "complete" or "completed" or "done" => ChatFinishReason.Stop,
        "length" or "max_tokens" or "max_output_tokens" or "max_length" => ChatFinishReason.Length,
        "content_filter" or "content_filtered" or "safety" or "refusal" or "blocked" => ChatFinishReason.ContentFilter,
        "tool_calls" or "tool_call" or "tool_use" or "function_call" => ChatFinishReason.ToolCalls,
        _ => new ChatFinishReason(value.Trim()),
    };

    /// <summary>The value at a dotted path ("choices.0.message.content"), or what stops the path.</summary>
    public static (JsonElement? Value, string? Missing) Find(JsonElement root, string path)
    {
        var at = root;
        var walked = "";
        foreach (var part in path.Split('.'))
        {
            var where = walked.Length == 0 ? "the top level" : $"\"{walked}\"";
            switch (at.ValueKind)
            {
                case JsonValueKind.Object:
                    if (!at.TryGetProperty(part, out var child))
                    {
                        return (null, $"{where} has no field \"{part}\"");
                    }

                    at = child;
                    break;
                case JsonValueKind.Array:
                    var length = at.GetArrayLength();
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        return (null, $"{where} is an array, so \"{part}\" should be a position such as 0");
                    }

                    if (index >= length)
                    {
                        return (null, $"{where} has {Items(length)}");
                    }

                    at = at[index];
                    break;
                default:
                    return (null, $"{where} is {Describe(at)}, not an object or an array");
            }

            walked = walked.Length == 0 ? part : $"{walked}.{part}";
        }

        return (at, null);
    }

    /// <summary>"a string", "a number", "an object"…</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    /// <summary>"1 byte", "1,024 bytes".</summary>
    public static string Bytes(long count) => count == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} bytes");

    /// <summary>The text on one line: line breaks, tabs and other control characters become single spaces.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Clip(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd() + "…";

    private static string? ChatCompletionProblem(ReadOnlySpan<byte> body, int status)
    {
        using var json = JsonDocument.Parse(body.ToArray());
        var root = json.RootElement;
        string? problem;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"it is {Describe(root)}";
        }
        else if (!root.TryGetProperty("choices", out var choices))
        {
            if (root.TryGetProperty("error", out var error) && (ErrorText(root) ?? error.GetRawText()) is { } said)
            {
                return $"the endpoint answered HTTP {status} with an error instead of an answer, saying \"{Clip(OneLine(said), 200)}\"; check \"model\" in securereqs.json and the server's logs";
            }

            problem = "it has no \"choices\"";
        }
        else if (choices.ValueKind != JsonValueKind.Array)
        {
            problem = $"its \"choices\" is {Describe(choices)}, not an array";
        }
        else if (choices.GetArrayLength() == 0)
        {
            problem = "its \"choices\" is empty";
        }
        else if (choices[0] is not { ValueKind: JsonValueKind.Object } choice || !choice.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            problem = "its \"choices[0]\" has no \"message\"";
        }
        else if (message.TryGetProperty("content", out var content) && content.ValueKind is not (JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Array))
        {
            problem = $"its \"choices[0].message.content\" is {Describe(content)}, not text";
        }
        else if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind != JsonValueKind.Null
            && (finish.ValueKind != JsonValueKind.String || !OpenAIFinishReasons.Contains(finish.GetString(), StringComparer.Ordinal)))
        {
            var given = finish.ValueKind == JsonValueKind.String ? $"\"{Clip(OneLine(finish.GetString()!), 40)}\"" : Describe(finish);
            return $"the answer's finish reason is {given}, which chat-completions answers do not use (they use {string.Join(", ", OpenAIFinishReasons.Select(r => $"\"{r}\""))}); for this server use \"kind\": \"http\" with \"responsePath\" and \"finishReasonPath\" in securereqs.json";
        }
        else
        {
            return null;
        }

        return $"the answer is JSON but not a chat-completions answer ({problem}); {ApiBaseHint}";
    }

    // The message of the usual error shapes: { "error": { "message": "…" } }, { "error": "…" }, { "message": "…" }, { "detail": "…" }.
    private static string? ErrorText(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }

            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String)
            {
                return inner.GetString();
            }
        }

        foreach (var name in new[] { "message", "detail", "error_description", "title" })
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    // Null when the body is one whole JSON value; else whether it ended early or where it breaks.
    private static string? JsonProblem(ReadOnlySpan<byte> body)
    {
        var whole = new Utf8JsonReader(body);
        try
        {
            while (whole.Read())
            {
            }

            return null;
        }
        catch (JsonException)
        {
        }

        // Read as the first part of a longer text: if nothing is wrong so far, the answer stopped before its end.
        var partial = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        try
        {
            while (partial.Read())
            {
            }

            return $"it ended early, {Bytes(body.Length)} read";
        }
        catch (JsonException ex)
        {
            var at = Offset(body, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            return string.Create(CultureInfo.InvariantCulture, $"invalid at byte {at + 1:N0} of {body.Length:N0}");
        }
    }

    private static long Offset(ReadOnlySpan<byte> body, long line, long byteInLine)
    {
        long start = 0;
        for (var seen = 0L; seen < line && start < body.Length; start++)
        {
            if (body[(int)start] == (byte)'\n')
            {
                seen++;
            }
        }

        return Math.Min(start + byteInLine, Math.Max(body.Length - 1, 0));
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtml(string? mediaType, ReadOnlySpan<byte> body)
    {
        if (mediaType is not null && (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var start = WithoutBom(body).TrimStart(" \t\r\n"u8);
        var head = Encoding.UTF8.GetString(start[..Math.Min(start.Length, 15)]);
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.TrimStart(" \t\r\n"u8).IsEmpty;

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> body) => body.StartsWith("\uFEFF"u8) ? body[3..] : body;

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

    private static IEnumerable<string> SplitWords(string name)
    {
        var start = 0;
        for (var i = 1; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]))
            {
                yield return name[start..i];
                start = i;
            }
        }

        yield return name[start..];
    }
}
