using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>Finds where a value sits in a JSON text, so that an error about it can name the line and column.</summary>
internal static class JsonLocator
{
    /// <summary>The 1-based line and column of the value at <paramref name="path"/> (<c>$.stories[2].status</c>);
    /// (1, 1) when the path is not found.</summary>
    public static (int Line, int Column) Find(byte[] utf8, string path)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var frames = new Stack<Frame>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        continue;
                }

                // A value (scalar, or the start of an object or array): name it from its parent.
                var current = frames.Count == 0 ? "$" : frames.Peek().Child(property);
                if (current == path)
                {
                    return Position(utf8, (int)reader.TokenStartIndex);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Push(new Frame(current, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // A malformed file fails earlier, with its own position.
        }

        return (1, 1);
    }

    private static (int Line, int Column) Position(byte[] utf8, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, Encoding.UTF8.GetCharCount(utf8, lineStart, index - lineStart) + 1);
    }

    private sealed class Frame(string path, bool isArray)
    {
        private int _next;

        public string Child(string? property) => isArray ? $"{path}[{_next++}]" : $"{path}.{property}";
    }
}
