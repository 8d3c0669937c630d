using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// Reads judge calibration items from JSON Lines (a dataset file of kind <c>calibration</c>; see docs/judges.md): one
/// object a line with <c>id</c>, <c>rule</c>, <c>answer</c>, <c>verdict</c> (<c>breaks</c> or <c>keeps</c>) and optional
/// <c>request</c>, <c>systemPrompt</c> and <c>note</c>.
/// </summary>
/// <remarks>Strict: every problem is an error naming the file, the line and the fix.</remarks>
public static class CalibrationLoader
{
    /// <summary>The verdict of an answer that breaks its rule.</summary>
    public const string Breaks = "breaks";

    /// <summary>The verdict of an answer that keeps its rule.</summary>
    public const string Keeps = "keeps";

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "id", "rule", "answer", "verdict", "request", "systemPrompt", "note" };

    /// <summary>Reads every item of <paramref name="path"/>.</summary>
    /// <param name="path">The <c>.jsonl</c> file.</param>
    /// <returns>The items in file order.</returns>
    /// <exception cref="DatasetException">The file is missing or a line is malformed.</exception>
    public static IReadOnlyList<CalibrationItem> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException(path, null, "the calibration file does not exist. Check the path in the manifest.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        return JsonLinesObjects.Read(reader, path, "id, rule, answer and verdict", (lineNumber, root) =>
        {
            var item = Parse(path, lineNumber, root);
            return ids.Add(item.Id)
                ? item
                : throw new DatasetException(path, lineNumber, $"calibration item id \"{item.Id}\" is used twice. Give every item a unique id.");
        });
    }

    private static CalibrationItem Parse(string path, int lineNumber, JsonElement root)
    {
        foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            throw new DatasetException(path, lineNumber, $"unknown field \"{property.Name}\".{Suggestions.DidYouMean(property.Name, Fields)} A calibration item has {string.Join(", ", Fields)}.");
        }

        var f = new JsonFields(path, lineNumber, root, "the calibration item");
        var id = f.String("id");
        var verdict = f.String("verdict");
        if (verdict is not (Breaks or Keeps))
        {
            throw new DatasetException(path, lineNumber, $"item \"{id}\": verdict \"{verdict}\" is not \"{Breaks}\" or \"{Keeps}\" (the person's verdict: does the answer break the rule?).");
        }

        return new CalibrationItem(id, f.String("rule").Trim(), f.String("answer"), verdict == Breaks)
        {
            Request = f.OptionalString("request"),
            SystemPrompt = f.OptionalString("systemPrompt"),
            Source = $"{Path.GetFileName(path)}:{lineNumber}",
        };
    }
}
