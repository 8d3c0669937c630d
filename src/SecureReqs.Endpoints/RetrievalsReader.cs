using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// Reads the documents an http target's answer says its retrieval step handed to the model (<c>"retrievalsPath"</c>): an
/// array of ids, or of objects with an <c>id</c> and, optionally, a <c>title</c> and a <c>classification</c>. What was read
/// travels on the answer message (so a cached answer keeps it), and <see cref="Record"/> reports it to the run.
/// </summary>
internal static class RetrievalsReader
{
    /// <summary>The key, in the additional properties of an answer message, of the reported retrievals (a JSON array string).</summary>
    public const string Property = "securereqs.retrievals";

    /// <summary>The key, in the additional properties of an answer message, of why its retrievals could not be read.</summary>
    public const string ProblemProperty = "securereqs.retrievals.problem";

    /// <summary>Reads the value at the retrievals path into the answer message's properties.</summary>
    /// <param name="value">The value at the path, or null when the answer has none there.</param>
    /// <param name="missing">Why the path is missing, when it is.</param>
    /// <param name="path">The path, for messages.</param>
    /// <param name="setting">The setting, such as <c>"retrievalsPath"</c>, for messages.</param>
    /// <param name="message">The answer message.</param>
    public static void Read(JsonElement? value, string? missing, string path, string setting, ChatMessage message)
    {
        var properties = message.AdditionalProperties ??= [];
        if (Parse(value, missing, path, setting) is { } read)
        {
            properties[Property] = read.ToJsonString();
        }
        else
        {
            properties[ProblemProperty] = Problem(value, missing, path, setting);
        }
    }

    /// <summary>Reports the retrievals an answer carries to the run (with the caller's clearance), or why they could not be read.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="caller">The caller the case runs as.</param>
    /// <param name="query">The user's message, for the record.</param>
    /// <param name="seeded">Documents the story added to the knowledge base, by the id the knowledge base knows them by: their label is the one they were added with.</param>
    public static void Record(ChatResponse response, CallerIdentity caller, string query, IReadOnlyDictionary<string, KnowledgeDocument> seeded)
    {
        var clipped = query.Length <= 120 ? query : query[..117] + "...";
        foreach (var message in response.Messages)
        {
            if (message.AdditionalProperties?.TryGetValue(ProblemProperty, out string? problem) is true && problem is not null)
            {
                SecurityEvidence.RecordUnreadable(problem);
                continue;
            }

            if (message.AdditionalProperties?.TryGetValue(Property, out string? json) is not true || json is null)
            {
                continue;
            }

            foreach (var item in JsonNode.Parse(json)!.AsArray())
            {
                var id = item!["id"]!.GetValue<string>();
                var title = item["title"]?.GetValue<string>();
                var label = item["classification"]?.GetValue<string>();
                if (seeded.TryGetValue(id, out var document))
                {
                    // A document this run added: its label is the one it was added with, whatever the answer says.
                    (title, label) = (title ?? document.Title, document.Classification);
                }

                if (label is null)
                {
                    // One of the app's own documents, unlabelled in the answer: nothing says whether the caller may see it.
                    continue;
                }

                if (!Classification.IsKnown(label))
                {
                    SecurityEvidence.RecordUnreadable($"the answer reports the retrieved document \"{id}\" labelled \"{label}\", which is not a known label ({string.Join(", ", Classification.Levels)}), so it cannot be judged against the caller's clearance; map the app's labels to these in its answers");
                    continue;
                }

                SecurityEvidence.RecordRetrieval(new RetrievalRecord(id, title, label, caller.Clearance, clipped) { Reported = true });
            }
        }
    }

    private static JsonArray? Parse(JsonElement? value, string? missing, string path, string setting)
    {
        if (value is not { } found)
        {
            return null;
        }

        if (found.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (found.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var read = new JsonArray();
        foreach (var item in found.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(item.GetString()):
                    read.Add(new JsonObject { ["id"] = item.GetString() });
                    break;
                case JsonValueKind.Number:
                    read.Add(new JsonObject { ["id"] = item.GetRawText() });
                    break;
                case JsonValueKind.Object:
                    var id = HttpJsonChatClient.SessionIdAt(item, "id");
                    if (id is null
                        || (item.TryGetProperty("title", out var title) && title.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                        || (item.TryGetProperty("classification", out var label) && label.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
                    {
                        return null;
                    }

                    read.Add(new JsonObject
                    {
                        ["id"] = id,
                        ["title"] = item.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
                        ["classification"] = item.TryGetProperty("classification", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                    });
                    break;
                default:
                    return null;
            }
        }

        return read;
    }

    private static string Problem(JsonElement? value, string? missing, string path, string setting) => value is { } found
        ? $"the answer's retrievals at \"{path}\" are {(found.ValueKind == JsonValueKind.Array ? "an array with an item that is neither an id nor an object with an \"id\" (and a string \"title\" and \"classification\")" : EndpointAnswers.Describe(found) + ", not an array of ids or of objects with an \"id\"")}, so what the target retrieved cannot be judged; check {setting} in securereqs.json"
        : $"the answer has no retrievals at \"{path}\" ({missing}), so what the target retrieved cannot be judged; check {setting} in securereqs.json";
}
