using System.Text.Json;

namespace SecureReqs;

/// <summary>Reads a dataset's JSON Lines file as objects, one per non-blank line, with errors that name the file and line.</summary>
internal static class JsonLinesObjects
{
    /// <summary>Calls <paramref name="read"/> with each non-blank line's 1-based number and object, in order.</summary>
    /// <typeparam name="T">What a line becomes.</typeparam>
    /// <param name="reader">The text.</param>
    /// <param name="source">The file, for messages.</param>
    /// <param name="shape">What the object must hold, for the message when a line is not an object (such as "id, rule, answer and verdict").</param>
    /// <param name="read">Turns one object into a row; the element is valid only during the call.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="DatasetException">A line is not valid JSON or not an object, or <paramref name="read"/> refused it.</exception>
    public static List<T> Read<T>(TextReader reader, string source, string shape, Func<int, JsonElement, T> read)
    {
        var rows = new List<T>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new DatasetException(source, lineNumber, $"not valid JSON ({ex.Message}). Each line must be one complete JSON object (JSON Lines).", ex);
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new DatasetException(source, lineNumber, $"each line must be a JSON object with {shape}.");
                }

                rows.Add(read(lineNumber, document.RootElement));
            }
        }

        return rows;
    }
}
