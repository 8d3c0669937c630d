using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// Reads labelled tool descriptions from JSON Lines (a dataset file of kind <c>tool-descriptions</c>; see
/// docs/datasets.md): one object a line with <c>id</c>, <c>label</c> (<c>poisoned</c> or <c>clean</c>), <c>technique</c>,
/// <c>domain</c> and <c>tool</c> (<c>name</c>, <c>description</c>, <c>inputSchema</c>, optional <c>title</c>).
/// </summary>
/// <remarks>Strict: every problem is an error naming the file, the line and the fix.</remarks>
public static class ToolDescriptionLoader
{
    /// <summary>The label of a description that carries instructions aimed at the model.</summary>
    public const string Poisoned = "poisoned";

    /// <summary>The label of a description that does not.</summary>
    public const string Clean = "clean";

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "id", "label", "technique", "domain", "tool" };
    private static readonly HashSet<string> ToolFields = new(StringComparer.Ordinal) { "name", "title", "description", "inputSchema" };

    /// <summary>Reads every item of <paramref name="path"/>.</summary>
    /// <param name="path">The <c>.jsonl</c> file.</param>
    /// <returns>The items in file order.</returns>
    /// <exception cref="DatasetException">The file is missing or a line is malformed.</exception>
    public static IReadOnlyList<LabelledToolDescription> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException(path, null, "the tool-descriptions file does not exist. Check the path in the manifest.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        return JsonLinesObjects.Read(reader, path, "id, label, technique, domain and tool", (lineNumber, root) =>
        {
            var item = Parse(path, lineNumber, root);
            return ids.Add(item.Id)
                ? item
                : throw new DatasetException(path, lineNumber, $"tool description id \"{item.Id}\" is used twice. Give every item a unique id.");
        });
    }

    private static LabelledToolDescription Parse(string path, int lineNumber, JsonElement root)
    {
        foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            throw new DatasetException(path, lineNumber, $"unknown field \"{property.Name}\".{Suggestions.DidYouMean(property.Name, Fields)} A labelled tool description has {string.Join(", ", Fields)}.");
        }

        var f = new JsonFields(path, lineNumber, root, "the tool description");
        var id = f.String("id");
        var label = f.String("label");
        if (label is not (Poisoned or Clean))
        {
            throw new DatasetException(path, lineNumber, $"item \"{id}\": label \"{label}\" is not \"{Poisoned}\" or \"{Clean}\" (does the description carry instructions aimed at the model?).");
        }

        var toolElement = f.Object("tool");
        foreach (var property in toolElement.EnumerateObject().Where(p => !ToolFields.Contains(p.Name)))
        {
            throw new DatasetException(path, lineNumber, $"item \"{id}\": unknown field \"tool.{property.Name}\". A tool has {string.Join(", ", ToolFields)}, as an MCP server lists it.");
        }

        var tool = new JsonFields(path, lineNumber, toolElement, $"item \"{id}\": the tool");
        var schema = tool.Object("inputSchema");
        return new LabelledToolDescription(id, label == Poisoned, f.String("technique"), f.String("domain"), new ToolDescription(tool.String("name"), tool.String("description"), schema.Clone()) { Title = tool.OptionalString("title") })
        {
            Source = $"{Path.GetFileName(path)}:{lineNumber}",
        };
    }
}
