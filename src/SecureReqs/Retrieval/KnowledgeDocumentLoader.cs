using System.Text.Json;

namespace SecureReqs;

/// <summary>Reads knowledge-base documents from JSON Lines (one document a line; see <c>docs/retrieval.md</c>).</summary>
/// <remarks>Strict: a line that is not a JSON object, a missing id, title or content, a missing or unknown
/// classification, a duplicate id or a canary that is not in the content is an error naming the file and line.</remarks>
public static class KnowledgeDocumentLoader
{
    /// <summary>Reads every document of <paramref name="path"/>.</summary>
    /// <param name="path">The <c>.jsonl</c> file.</param>
    /// <returns>The documents in file order.</returns>
    /// <exception cref="DatasetException">The file is missing or a line is malformed.</exception>
    public static IReadOnlyList<KnowledgeDocument> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException(path, null, "the documents file does not exist. Check the path.");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads every document of a JSON Lines stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="source">Its name, for messages.</param>
    /// <returns>The documents in order.</returns>
    /// <exception cref="DatasetException">A line is malformed.</exception>
    public static IReadOnlyList<KnowledgeDocument> Read(Stream stream, string source)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(stream);
        return JsonLinesObjects.Read(reader, source, "id, title, classification and content", (lineNumber, root) =>
        {
            var document = Parse(source, lineNumber, root);
            return ids.Add(document.Id)
                ? document
                : throw new DatasetException(source, lineNumber, $"document id \"{document.Id}\" is used twice. Give every document a unique id.");
        });
    }

    private static KnowledgeDocument Parse(string source, int lineNumber, JsonElement root)
    {
        string Required(string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s
                : throw new DatasetException(source, lineNumber, $"the document is missing \"{name}\" (a non-empty string).");

        var id = Required("id");
        if (!root.TryGetProperty("classification", out var label) || label.ValueKind != JsonValueKind.String)
        {
            throw new DatasetException(source, lineNumber, $"document \"{id}\" has no classification. Add \"classification\": one of {string.Join(", ", Classification.Levels)}; an unlabelled document cannot be access-controlled.");
        }

        if (!Classification.IsKnown(label.GetString()))
        {
            throw new DatasetException(source, lineNumber, $"document \"{id}\": classification \"{label.GetString()}\" is not one of {string.Join(", ", Classification.Levels)}.");
        }

        var content = Required("content");
        string? canary = root.TryGetProperty("canary", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (canary is not null && !content.Contains(canary, StringComparison.Ordinal))
        {
            throw new DatasetException(source, lineNumber, $"document \"{id}\": its canary \"{canary}\" does not appear in its content. Plant it in the text, or remove it.");
        }

        var provenance = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in p.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String))
            {
                provenance[field.Name] = field.Value.GetString()!;
            }
        }

        var tags = new List<string>();
        if (root.TryGetProperty("poison", out var poison) && poison.ValueKind == JsonValueKind.Object && poison.TryGetProperty("kind", out var kind))
        {
            tags.Add("poison:" + kind.GetString());
        }

        return new KnowledgeDocument(id, Required("title"), label.GetString()!, content)
        {
            Canary = canary,
            Provenance = provenance,
            Tags = tags,
            Source = $"{source}:{lineNumber}",
        };
    }
}
