using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>Reads the text a model sees in a message, function results included.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class MessageText
{
    /// <summary>The text of a message: its text contents and the text of its function results, one per line.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The text.</returns>
    public static string Of(ChatMessage message) =>
        string.Join("\n", message.Contents.Select(c => c switch
        {
            TextContent t => t.Text,
            FunctionResultContent r => OfResult(r.Result),
            _ => "",
        }).Where(t => !string.IsNullOrEmpty(t)));

    /// <summary>The text of a function result as the model receives it: a string as is, JSON as JSON, contents as their text.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The text.</returns>
    public static string OfResult(object? result)
    {
        switch (result)
        {
            case null:
                return "";
            case string text:
                return text;
            case JsonElement element:
                return element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText();
            case TextContent content:
                return content.Text;
            case IEnumerable<AIContent> contents:
                return string.Join("\n", contents.OfType<TextContent>().Select(t => t.Text));
            default:
                try
                {
                    return JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions);
                }
                catch (NotSupportedException)
                {
                    return result.ToString() ?? "";
                }
        }
    }
}
