using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// A fine-tuning file with canary records planted in it, and its sidecar (<c>&lt;file&gt;.canaries.json</c>) that says
/// which canaries it holds, on which lines, with which seed. <see cref="Write"/> writes both for the team's training job;
/// a story that probes the trained model later reads the sidecar back with <see cref="Read"/>.
/// </summary>
/// <remarks>
/// The sidecar holds the canaries' secrets: they are synthetic, made for this measurement, but keep the sidecar out of
/// the training job's input, or the model learns the answers from it. Canary records carry the provenance source
/// <see cref="ProvenanceSource"/> so they stay traceable; a pipeline that drops records by that source defeats the
/// measurement.
/// </remarks>
public sealed class PlantedTrainingFile
{
    /// <summary>The sidecar's schema.</summary>
    public const string Schema = "securereqs.canaries/v1";

    /// <summary>The provenance source of a canary record.</summary>
    public const string ProvenanceSource = "securereqs-canaries";

    /// <summary>The suffix of the sidecar's file name.</summary>
    public const string SidecarSuffix = ".canaries.json";

    private PlantedTrainingFile(string path, int seed, IReadOnlyList<TrainingCanary> canaries, string sha256)
    {
        Path = path;
        Seed = seed;
        Canaries = canaries;
        Sha256 = sha256;
    }

    /// <summary>The fine-tuning file (full path).</summary>
    public string Path { get; }

    /// <summary>The sidecar (full path).</summary>
    public string SidecarPath => Path + SidecarSuffix;

    /// <summary>The seed the canaries and their positions came from.</summary>
    public int Seed { get; }

    /// <summary>The canaries, with the lines that hold them.</summary>
    public IReadOnlyList<TrainingCanary> Canaries { get; }

    /// <summary>The SHA-256 of the fine-tuning file as written.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Writes <paramref name="output"/>: every record of <paramref name="source"/> (a JSON Lines chat fine-tuning file:
    /// one object a line with <c>messages</c>) in order, with each canary inserted <paramref name="repetitions"/> times at
    /// positions drawn from <paramref name="seed"/>; then the sidecar. Folders are created as needed; existing files are
    /// replaced. The same inputs always give the same bytes.
    /// </summary>
    /// <param name="source">The fine-tuning dataset.</param>
    /// <param name="canaries">The canaries (from <see cref="TrainingCanaries.Generate"/>).</param>
    /// <param name="seed">The seed of the positions.</param>
    /// <param name="output">The file to write; must differ from <paramref name="source"/>.</param>
    /// <param name="repetitions">How many copies of each canary (1–100; memorisation grows with repetition).</param>
    /// <returns>The written file.</returns>
    /// <exception cref="SecureReqsException">The source is missing or malformed (the message names its line), or the output is the source.</exception>
    public static PlantedTrainingFile Write(string source, IReadOnlyList<TrainingCanary> canaries, int seed, string output, int repetitions = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(canaries);
        ArgumentException.ThrowIfNullOrEmpty(output);
        if (repetitions is < 1 or > 100)
        {
            throw new SecureReqsException($"Each canary is planted 1 to 100 times, not {repetitions}.");
        }

        if (string.Equals(System.IO.Path.GetFullPath(source), System.IO.Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new SecureReqsException($"The file with the canaries must not replace the training dataset itself ({source}): write it to another path, such as out/training/{System.IO.Path.GetFileNameWithoutExtension(source)}.planted.jsonl.");
        }

        if (!File.Exists(source))
        {
            throw new SecureReqsException($"The training dataset {source} does not exist.");
        }

        var records = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(source, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            CheckRecord(source, lineNumber, line);
            records.Add(line.Trim());
        }

        // Each copy of each canary goes after a record drawn from the seed (or first): a stable, spread-out order.
        var random = new Random(unchecked((seed * 397) ^ 0x7A11));
        var slots = new List<(int After, int Draw, int Canary)>();
        for (var c = 0; c < canaries.Count; c++)
        {
            for (var r = 0; r < repetitions; r++)
            {
                slots.Add((random.Next(0, records.Count + 1), random.Next(), c));
            }
        }

        var ordered = slots.OrderBy(s => s.After).ThenBy(s => s.Draw).ToList();
        var lines = new Dictionary<int, List<int>>();
        var text = new StringBuilder();
        var written = 0;
        var next = 0;
        for (var i = 0; i <= records.Count; i++)
        {
            for (; next < ordered.Count && ordered[next].After == i; next++)
            {
                var canary = canaries[ordered[next].Canary];
                text.Append(RecordOf(canary)).Append('\n');
                written++;
                (lines.TryGetValue(ordered[next].Canary, out var at) ? at : lines[ordered[next].Canary] = []).Add(written);
            }

            if (i < records.Count)
            {
                text.Append(records[i]).Append('\n');
                written++;
            }
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(output));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
        File.WriteAllBytes(output, bytes);
        var planted = new PlantedTrainingFile(
            System.IO.Path.GetFullPath(output),
            seed,
            [.. canaries.Select((c, i) => c with { Lines = lines.TryGetValue(i, out var at) ? at : [] })],
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        planted.WriteSidecar(source);
        return planted;
    }

    /// <summary>Reads the sidecar of a fine-tuning file written by <see cref="Write"/>.</summary>
    /// <param name="sidecar">The sidecar (<c>&lt;file&gt;.canaries.json</c>).</param>
    /// <returns>The planted file as the sidecar describes it.</returns>
    /// <exception cref="SecureReqsException">The sidecar is missing or malformed; the message names the file and the fix.</exception>
    public static PlantedTrainingFile Read(string sidecar)
    {
        ArgumentException.ThrowIfNullOrEmpty(sidecar);
        if (!File.Exists(sidecar))
        {
            throw new SecureReqsException($"The canary list {sidecar} does not exist. It is written next to the fine-tuning file (<file>{SidecarSuffix}) by the step 'Given the fine-tuning file with the canaries is written to \"<file>\"'.");
        }

        using var document = JsonFile.Parse(File.ReadAllBytes(sidecar), sidecar, "the canary list");
        var root = document.RootElement;
        string Text(JsonElement element, string name, string where) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
                ? s
                : throw new SecureReqsException($"{sidecar}: {where} has no \"{name}\" text. The file is written by SecureReqs; write it again with the planting steps rather than editing it.");
        if (Text(root, "schema", "the canary list") != Schema)
        {
            throw new SecureReqsException($"{sidecar}: the schema is not \"{Schema}\". Write the file again with this version of SecureReqs.");
        }

        if (!root.TryGetProperty("seed", out var seedElement) || !seedElement.TryGetInt32(out var seed))
        {
            throw new SecureReqsException($"{sidecar}: the canary list has no whole-number \"seed\". Write it again with the planting steps.");
        }

        if (!root.TryGetProperty("canaries", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new SecureReqsException($"{sidecar}: the canary list has no \"canaries\". Write it again with the planting steps.");
        }

        var canaries = new List<TrainingCanary>();
        var index = 0;
        foreach (var c in list.EnumerateArray())
        {
            index++;
            var where = $"canary {index}";
            var secret = Text(c, "secret", where);
            if (secret.Count(char.IsAsciiDigit) != 9)
            {
                throw new SecureReqsException($"{sidecar}: {where} has a secret that is not a nine-digit number AAA-GG-SSSS.");
            }

            var assistant = Text(c, "assistant", where);
            var prefix = Text(c, "prefix", where);
            if (!assistant.StartsWith(prefix, StringComparison.Ordinal) || !assistant.Contains(secret, StringComparison.Ordinal))
            {
                throw new SecureReqsException($"{sidecar}: {where}'s \"assistant\" text must start with its \"prefix\" and hold its \"secret\".");
            }

            IReadOnlyList<int> at = c.TryGetProperty("lines", out var linesElement) && linesElement.ValueKind == JsonValueKind.Array
                ? [.. linesElement.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.Number).Select(l => l.GetInt32())]
                : [];
            canaries.Add(new TrainingCanary(Text(c, "id", where), Text(c, "person", where), secret, Text(c, "user", where), assistant, prefix) { Lines = at });
        }

        if (canaries.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != canaries.Count || canaries.Select(c => c.SecretDigits).Distinct(StringComparer.Ordinal).Count() != canaries.Count)
        {
            throw new SecureReqsException($"{sidecar}: two canaries share an id or a secret; every canary must be unique. Write the file again with the planting steps.");
        }

        var file = sidecar.EndsWith(SidecarSuffix, StringComparison.Ordinal) ? sidecar[..^SidecarSuffix.Length] : Text(root, "file", "the canary list");
        return new PlantedTrainingFile(System.IO.Path.GetFullPath(file), seed, canaries, root.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String ? sha.GetString()! : "");
    }

    /// <summary>The JSON Lines record of a canary: its chat and its provenance.</summary>
    /// <param name="canary">The canary.</param>
    /// <returns>One line of JSON, without the line break.</returns>
    public static string RecordOf(TrainingCanary canary)
    {
        ArgumentNullException.ThrowIfNull(canary);
        var record = new JsonObject
        {
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "user", ["content"] = canary.UserMessage },
                new JsonObject { ["role"] = "assistant", ["content"] = canary.AssistantMessage }),
            ["provenance"] = new JsonObject { ["source"] = ProvenanceSource, ["canary"] = canary.Id },
        };
        return record.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private void WriteSidecar(string source)
    {
        var root = new JsonObject
        {
            ["schema"] = Schema,
            ["file"] = System.IO.Path.GetFileName(Path),
            ["source"] = System.IO.Path.GetFileName(source),
            ["sha256"] = Sha256,
            ["seed"] = Seed,
            ["secretFormat"] = "us-ssn",
            ["note"] = "Synthetic canaries planted to measure memorisation. Keep this file out of the training job's input.",
            ["canaries"] = new JsonArray([.. Canaries.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["person"] = c.Person,
                ["secret"] = c.Secret,
                ["user"] = c.UserMessage,
                ["assistant"] = c.AssistantMessage,
                ["prefix"] = c.Prefix,
                ["lines"] = new JsonArray([.. c.Lines.Select(l => (JsonNode)JsonValue.Create(l))]),
            })]),
        };
        File.WriteAllText(SidecarPath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", new UTF8Encoding(false));
    }

    private static void CheckRecord(string source, int lineNumber, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                throw new SecureReqsException($"{source}:{lineNumber}: a chat fine-tuning record must be a JSON object with a \"messages\" array, such as {{\"messages\": [{{\"role\": \"user\", \"content\": \"...\"}}, {{\"role\": \"assistant\", \"content\": \"...\"}}]}}.");
            }
        }
        catch (JsonException ex)
        {
            throw new SecureReqsException(string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNumber}: not valid JSON ({ex.Message.Split(" Path:", 2)[0]}). Each line must be one complete JSON object."), ex);
        }
    }
}
