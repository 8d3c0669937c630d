using System.Text.Json;

namespace SecureReqs;

/// <summary>Parses the JSON files users write (policies, answers), so that a syntax error names the file, line and column.</summary>
/// <remarks>Thread-safe.</remarks>
public static class JsonFile
{
    /// <summary>Parses <paramref name="utf8"/>, skipping comments and a byte-order mark.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="what">What the file is, for messages: "the coverage policy".</param>
    /// <returns>The document; the caller disposes it.</returns>
    /// <exception cref="SecureReqsException">The text is not valid JSON; the message names the line, column and fix.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string source, string what)
    {
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd(' ', '.', '|');
            throw new SecureReqsException($"{source}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: {what} is not valid JSON ({reason}). Fix the JSON at that place (a missing comma, quote or brace is the usual cause).", ex);
        }
    }
}
