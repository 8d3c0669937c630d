using System.Globalization;
using System.Text.Json;

namespace SecureReqs;

/// <summary>Reads one string field of a JSON Lines record, by name or dotted path (<c>messages.0.content</c>).</summary>
/// <remarks>Shared by the PII and injection file scanners: a property whose name contains dots wins over the path.</remarks>
internal static class JsonLinesField
{
    /// <summary>The string at <paramref name="field"/> in the JSON object on <paramref name="line"/>.</summary>
    /// <exception cref="DataFileException">The line is not valid JSON, or has no string at <paramref name="field"/>.</exception>
    public static string Read(string line, string field, string path, long lineNumber)
    {
        using var document = Parse(line, path, lineNumber);
        return StringAt(document, field, path, lineNumber);
    }

    /// <summary>The strings at <paramref name="first"/> and <paramref name="second"/> in the JSON object on <paramref name="line"/>, parsed once.</summary>
    /// <exception cref="DataFileException">The line is not valid JSON, or has no string at one of the fields.</exception>
    public static (string First, string Second) Read(string line, string first, string second, string path, long lineNumber)
    {
        using var document = Parse(line, path, lineNumber);
        return (StringAt(document, first, path, lineNumber), StringAt(document, second, path, lineNumber));
    }

    private static JsonDocument Parse(string line, string path, long lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new DataFileException(
                $"{path}:{lineNumber}: the line is not valid JSON ({ex.Message}). Each line of a JSON Lines file must be one "
                + "complete JSON object: fix or remove the line, or scan the file as plain text by not giving a field.",
                path,
                lineNumber,
                ex);
        }
    }

    private static string StringAt(JsonDocument document, string field, string path, long lineNumber)
    {
        var element = Navigate(document.RootElement, field);
        if (element is { ValueKind: JsonValueKind.String } value)
        {
            return value.GetString()!;
        }

        var found = element is null ? "has no field" : $"has a {element.Value.ValueKind.ToString().ToLowerInvariant()} instead of a string at";
        throw new DataFileException(
            $"{path}:{lineNumber}: the record {found} '{field}'. Give the name of the string field that holds the text "
            + "(nested paths such as messages.0.content are supported), or fix the record.",
            path,
            lineNumber);
    }

    private static JsonElement? Navigate(JsonElement root, string field)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(field, out var direct))
        {
            return direct;
        }

        var current = root;
        foreach (var segment in field.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var property))
            {
                current = property;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
