using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureReqs.Endpoints;

/// <summary>
/// A parsed JSON file that remembers where each value is, so every error can name the file, the line, the column and
/// the JSON path (<c>$.targets.staging.apiKey</c>).
/// </summary>
internal sealed partial class JsonSource : IDisposable
{
    private readonly Dictionary<string, long> _valueOffsets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nameOffsets = new(StringComparer.Ordinal);
    private readonly byte[] _utf8;
    private readonly List<long> _lineStarts = [0];

    private JsonSource(string file, byte[] utf8, JsonDocument document)
    {
        File = file;
        _utf8 = utf8;
        Document = document;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }

        IndexPositions();
    }

    /// <summary>The file, as the user named it.</summary>
    public string File { get; }

    /// <summary>The document.</summary>
    public JsonDocument Document { get; }

    /// <summary>Parses <paramref name="utf8"/>; comments and trailing commas are allowed, duplicate properties are not.</summary>
    /// <exception cref="SecureReqsException">Malformed JSON: the message names the file, line and column.</exception>
    public static JsonSource Parse(string file, byte[] utf8)
    {
        var start = utf8.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var bytes = utf8[start..];
        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                AllowDuplicateProperties = false,
            });
            return new JsonSource(file, bytes, document);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = ColumnOf(bytes, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            var reason = TrailingPosition().Replace(ex.Message, "").TrimEnd(' ', '.');
            throw new SecureReqsException($"{file}:{line}:{column}: malformed JSON: {reason}. Fix the JSON at that place (a missing comma, quote or brace is the usual cause).");
        }
    }

    /// <inheritdoc />
    public void Dispose() => Document.Dispose();

    /// <summary>The JSON path of a property of the object at <paramref name="path"/>.</summary>
    public static string Child(string path, string name) =>
        Identifier().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>The JSON path of an item of the array at <paramref name="path"/>.</summary>
    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>An error at the value of <paramref name="path"/> (or at its property name).</summary>
    public SecureReqsException Error(string path, string message, bool atName = false) =>
        new($"{Where(path, atName)}: {path}: {message}");

    /// <summary>"file:line:column" of the value (or property name) at <paramref name="path"/>.</summary>
    public string Where(string path, bool atName = false)
    {
        var offsets = atName ? _nameOffsets : _valueOffsets;
        if (!offsets.TryGetValue(path, out var offset) && !_valueOffsets.TryGetValue(path, out offset))
        {
            return File;
        }

        var line = _lineStarts.BinarySearch(offset);
        line = line >= 0 ? line : ~line - 1;
        return $"{File}:{line + 1}:{ColumnOf(_utf8, line, offset - _lineStarts[line])}";
    }

    private static int ColumnOf(byte[] utf8, long line, long bytePosition)
    {
        long start = 0;
        for (var seen = 0L; seen < line && start < utf8.Length; start++)
        {
            if (utf8[start] == (byte)'\n')
            {
                seen++;
            }
        }

        var length = (int)Math.Clamp(bytePosition, 0, utf8.Length - start);
        return Encoding.UTF8.GetCharCount(utf8, (int)start, length) + 1;
    }

    private void IndexPositions()
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var containers = new Stack<(bool IsArray, string Path, int NextIndex)>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = Child(containers.Peek().Path, reader.GetString()!);
                    _nameOffsets[pendingProperty] = reader.TokenStartIndex;
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containers.Pop();
                    continue;
            }

            var path = ValuePath(containers, ref pendingProperty);
            _valueOffsets[path] = reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((reader.TokenType == JsonTokenType.StartArray, path, 0));
            }
        }
    }

    private static string ValuePath(Stack<(bool IsArray, string Path, int NextIndex)> containers, ref string? pendingProperty)
    {
        if (containers.Count == 0)
        {
            return "$";
        }

        if (pendingProperty is { } property)
        {
            pendingProperty = null;
            return property;
        }

        var (isArray, path, next) = containers.Pop();
        containers.Push((isArray, path, next + 1));
        return Item(path, next);
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?$")]
    private static partial Regex TrailingPosition();
}
