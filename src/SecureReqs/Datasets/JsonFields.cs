using System.Text.Json;

namespace SecureReqs;

/// <summary>The fields of one JSON object in a dataset file, read with errors that name the file, the line and the fix.</summary>
/// <param name="path">The file, for messages.</param>
/// <param name="line">The 1-based line, or null for a whole-file document.</param>
/// <param name="element">The object.</param>
/// <param name="what">What the object is, for messages (such as <c>case "pi-001"</c>).</param>
internal readonly struct JsonFields(string path, int? line, JsonElement element, string what)
{
    public string String(string name) =>
        OptionalString(name) is { Length: > 0 } value
            ? value
            : throw Missing(name, "a non-empty string");

    public string? OptionalString(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new DatasetException(path, line, $"{what}: \"{name}\" must be a string.");
    }

    public bool OptionalBool(string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            ? false
            : value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw new DatasetException(path, line, $"{what}: \"{name}\" must be true or false.");

    public int Int(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : throw Missing(name, "a whole number");

    public JsonElement? OptionalObject(string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.Object
                ? value
                : throw new DatasetException(path, line, $"{what}: \"{name}\" must be an object.");

    public string? OptionalObjectJson(string name) => OptionalObject(name)?.GetRawText();

    public JsonElement Object(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw Missing(name, "an object");

    public IEnumerable<JsonElement> Array(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw Missing(name, "an array");

    public IEnumerable<JsonElement> OptionalArray(string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            ? []
            : value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().ToList()
                : throw new DatasetException(path, line, $"{what}: \"{name}\" must be an array.");

    private DatasetException Missing(string name, string shape) =>
        new(path, line, $"{what} is missing the required field \"{name}\" ({shape}); see docs/datasets.md.");
}
