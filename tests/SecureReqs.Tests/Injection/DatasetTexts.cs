using System.Text.Json;
using SecureReqs.Testing;

namespace SecureReqs.Tests.Injection;

/// <summary>The texts of the datasets that the pattern tests run on.</summary>
internal static class DatasetTexts
{
    /// <summary>Every user turn and context document of every <c>cases.jsonl</c> under <c>adversarial-datasets/</c>, in file order.</summary>
    public static List<string> TurnsAndDocuments()
    {
        var raw = new List<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Datasets, "cases.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.TryGetProperty("turns", out var turns))
                {
                    raw.AddRange(turns.EnumerateArray().Where(t => t.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String).Select(t => t.GetProperty("content").GetString()!));
                }

                if (root.TryGetProperty("context", out var context))
                {
                    raw.AddRange(context.EnumerateArray().Where(c => c.TryGetProperty("content", out var v) && v.ValueKind == JsonValueKind.String).Select(c => c.GetProperty("content").GetString()!));
                }
            }
        }

        return raw;
    }
}
