using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SecureReqs.Testing;

/// <summary>One request the <see cref="ChatCompletionsServer"/> received.</summary>
/// <param name="Context">The HTTP context, to write a scripted response.</param>
/// <param name="Text">The body as sent.</param>
/// <param name="Body">The body as JSON, or null when it is not JSON.</param>
/// <param name="Number">1 for the first request the server received, and so on.</param>
public sealed record ServerRequest(HttpContext Context, string Text, JsonNode? Body, int Number)
{
    /// <summary>The request's Authorization header, or null.</summary>
    public string? Authorization { get; } = Context.Request.Headers.Authorization.FirstOrDefault();

    /// <summary>The request headers, read when the request arrived.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = Context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The request path.</summary>
    public string Path { get; } = Context.Request.Path.Value ?? "";

    /// <summary>The last user message of a chat-completions body, or empty.</summary>
    public string LastUserMessage =>
        Body?["messages"] is JsonArray messages
            ? messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"]?.ToString() ?? ""
            : "";

    /// <summary>The roles of the messages of a chat-completions body.</summary>
    public IReadOnlyList<string> Roles =>
        Body?["messages"] is JsonArray messages ? [.. messages.Select(m => m?["role"]?.GetValue<string>() ?? "")] : [];
}
