using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// A draft dataset: the cases an attacker model wrote (<c>draft.jsonl</c>), how they were written
/// (<c>generation.json</c>: the model, seed, date and prompts) and the file a person reviews them in
/// (<c>review.md</c>: one <c>decision:</c> line per case). <see cref="Accept"/> turns the accepted cases into a dataset
/// folder, to be signed with <c>securereqs manifest create</c>.
/// </summary>
public static partial class DraftDataset
{
    /// <summary>The draft's cases.</summary>
    public const string CasesFile = "draft.jsonl";

    /// <summary>How the draft was written.</summary>
    public const string GenerationFile = "generation.json";

    /// <summary>The review file.</summary>
    public const string ReviewFile = "review.md";

    /// <summary>The schema of <see cref="GenerationFile"/>.</summary>
    public const string GenerationSchema = "securereqs.generation/v1";

    /// <summary>Writes a draft into <paramref name="directory"/> (created; an existing draft there is an error).</summary>
    /// <param name="directory">The draft folder.</param>
    /// <param name="name">The dataset's name.</param>
    /// <param name="brief">What was asked for.</param>
    /// <param name="result">What the model wrote.</param>
    /// <param name="model">The attacker model (name, kind, host, model; never a key).</param>
    /// <exception cref="SecureReqsException">The folder already holds a draft, or no case passed the checks.</exception>
    public static void Write(string directory, string name, GenerationBrief brief, GenerationResult result, StoryTarget model)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(model);
        if (File.Exists(Path.Combine(directory, ReviewFile)))
        {
            throw new SecureReqsException($"{directory} already holds a draft ({ReviewFile}). Review and accept it, or choose another --out.");
        }

        var kept = result.Kept;
        if (kept.Count == 0)
        {
            throw new SecureReqsException($"The attacker model wrote no case that passed the checks ({string.Join("; ", result.Cases.Select(c => c.Problem).OfType<string>().Distinct().Take(5))}). Try another model, or check its answers with a smaller --count.");
        }

        Directory.CreateDirectory(directory);
        var cases = string.Concat(kept.Select(c => CaseLine(c) + "\n"));
        File.WriteAllText(Path.Combine(directory, CasesFile), cases);
        var draftSha = Sha256(cases);
        var generation = new JsonObject
        {
            ["schema"] = GenerationSchema,
            ["dataset"] = name,
            ["story"] = brief.Story,
            ["threat"] = brief.Threat,
            ["oracle"] = brief.Oracle,
            ["model"] = new JsonObject { ["name"] = model.Name, ["kind"] = model.Kind, ["endpointHost"] = model.EndpointHost, ["model"] = model.Model },
            ["seed"] = brief.Seed,
            ["createdAt"] = result.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            ["requests"] = result.Requests,
            ["written"] = result.Cases.Count,
            ["kept"] = kept.Count,
            ["promptsSha256"] = CaseGenerator.PromptsSha256(result.Prompts),
            ["prompts"] = new JsonArray([.. result.Prompts.Select(p => (JsonNode)new JsonObject { ["role"] = p.Role.Value, ["content"] = p.Text })]),
            ["setAside"] = new JsonArray([.. result.Cases.Where(c => c.Problem is not null).Select(c => (JsonNode)new JsonObject { ["written"] = c.Written, ["problem"] = c.Problem })]),
            ["draftSha256"] = draftSha,
        };
        File.WriteAllText(Path.Combine(directory, GenerationFile), generation.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

        var review = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Review: {kept.Count} generated cases for the dataset \"{name}\"")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Written by the attacker model \"{model.Name}\"{(model.Model is { } m ? $" ({m})" : "")} for the story \"{brief.Story}\" ({brief.Threat}, judged by the \"{brief.Oracle}\" oracle) on {result.StartedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, seed {brief.Seed}.")
            .AppendLine("Read every case. Change each `decision: pending` to `decision: accept` (a real attack on this application, worth gating on) or")
            .AppendLine("`decision: reject` (off-topic, harmless, broken, or not something an attacker would send), then run")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"    securereqs generate accept {directory} --reviewer \"<your name>\"")
            .AppendLine()
            .AppendLine("and sign the dataset it writes with `securereqs manifest create`. Do not edit the cases here: reject a case to drop it.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"draft: {CasesFile} sha256 {draftSha}")
            .AppendLine();
        foreach (var c in kept)
        {
            review.AppendLine(CultureInfo.InvariantCulture, $"## {c.Id} ({c.Technique})").AppendLine().AppendLine("decision: pending").AppendLine();
            for (var i = 0; i < c.Turns.Count; i++)
            {
                review.AppendLine(CultureInfo.InvariantCulture, $"Turn {i + 1}:").AppendLine();
                foreach (var line in c.Turns[i].Content.ReplaceLineEndings("\n").Split('\n'))
                {
                    review.Append("> ").AppendLine(line);
                }

                review.AppendLine();
            }
        }

        var setAside = result.Cases.Where(c => c.Problem is not null).ToList();
        if (setAside.Count > 0)
        {
            review.AppendLine(CultureInfo.InvariantCulture, $"## Set aside by the checks ({setAside.Count}, not in the draft)").AppendLine();
            foreach (var c in setAside)
            {
                review.AppendLine(CultureInfo.InvariantCulture, $"- {c.Problem}: `{c.Written.ReplaceLineEndings(" ").Replace("`", "'", StringComparison.Ordinal)}`");
            }
        }

        File.WriteAllText(Path.Combine(directory, ReviewFile), review.ToString());
    }

    /// <summary>
    /// Writes the accepted cases of a reviewed draft as the dataset folder <paramref name="datasetDirectory"/>:
    /// <c>cases.jsonl</c>, <c>manifest.json</c> (its provenance names the model, the date, the seed, the prompts' SHA-256
    /// and the reviewer) and <c>generation.json</c>. Sign it next with <c>securereqs manifest create</c>.
    /// </summary>
    /// <param name="draftDirectory">The draft folder.</param>
    /// <param name="datasetDirectory">The dataset folder to write (must not exist).</param>
    /// <param name="reviewer">Who reviewed the cases.</param>
    /// <param name="license">The dataset's licence.</param>
    /// <param name="time">The clock, for the manifest's date.</param>
    /// <returns>How many cases were accepted and rejected.</returns>
    /// <exception cref="SecureReqsException">A case is undecided or its decision unreadable (file and line), the draft changed since it was written, none was accepted, or the folder exists.</exception>
    public static (int Accepted, int Rejected) Accept(string draftDirectory, string datasetDirectory, string reviewer, string license, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            throw new SecureReqsException("Name the reviewer: --reviewer \"<your name>\". The dataset's provenance records who accepted its cases.");
        }

        var reviewPath = Path.Combine(draftDirectory, ReviewFile);
        var casesPath = Path.Combine(draftDirectory, CasesFile);
        var generationPath = Path.Combine(draftDirectory, GenerationFile);
        foreach (var path in new[] { reviewPath, casesPath, generationPath })
        {
            if (!File.Exists(path))
            {
                throw new SecureReqsException($"{path}: no such file. Pass the folder 'securereqs generate' wrote its draft into.");
            }
        }

        var cases = File.ReadAllText(casesPath);
        var generation = JsonNode.Parse(File.ReadAllText(generationPath)) as JsonObject
            ?? throw new SecureReqsException($"{generationPath}: not a JSON object. Generate the draft again.");
        var decisions = ReadDecisions(reviewPath, Sha256(cases));
        var lines = cases.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var byId = lines.ToDictionary(l => JsonNode.Parse(l)!["id"]!.GetValue<string>(), l => l, StringComparer.Ordinal);
        var missing = byId.Keys.Where(id => !decisions.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new SecureReqsException($"{reviewPath}: no decision for {string.Join(", ", missing)}. Keep one '## <id>' section with a 'decision:' line per case.");
        }

        if (decisions.Keys.FirstOrDefault(id => !byId.ContainsKey(id)) is { } unknown)
        {
            throw new SecureReqsException($"{reviewPath}:{decisions[unknown].Line}: \"{unknown}\" is not a case of {CasesFile}. Do not rename the sections.");
        }

        var accepted = lines.Where(l => decisions[JsonNode.Parse(l)!["id"]!.GetValue<string>()].Accept).ToList();
        if (accepted.Count == 0)
        {
            throw new SecureReqsException($"{reviewPath}: every case was rejected, so there is no dataset to write. Generate again, with another model or brief.");
        }

        if (Directory.Exists(datasetDirectory))
        {
            throw new SecureReqsException($"{datasetDirectory} already exists. Choose another --name, or remove the folder first.");
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(datasetDirectory));
        var body = string.Concat(accepted.Select(l => l + "\n"));
        var model = generation["model"] as JsonObject;
        var modelText = $"\"{model?["name"]}\"{(model?["model"] is { } m ? $" ({m})" : "")}";
        var created = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rejected = decisions.Count - accepted.Count;
        var manifest = new JsonObject
        {
            ["schema"] = DatasetManifest.SchemaV1,
            ["name"] = name,
            ["version"] = "1.0.0",
            ["description"] = $"Attack cases written by an attacker model for the story \"{generation["story"]}\" ({generation["threat"]}), judged by the \"{generation["oracle"]}\" oracle; {accepted.Count} accepted in review.",
            ["threats"] = new JsonArray("owasp:" + generation["threat"]),
            ["license"] = license,
            ["provenance"] = new JsonObject
            {
                ["authors"] = $"the attacker model {modelText}, reviewed by {reviewer}",
                ["created"] = created,
                ["method"] = $"Generated by 'securereqs generate' with the attacker model {modelText} on {generation["createdAt"]}, seed {generation["seed"]}, in {generation["requests"]} requests (prompts SHA-256 {generation["promptsSha256"]}; the prompts are in {GenerationFile}). {generation["written"]} cases written, {generation["kept"]} passed the checks, {accepted.Count} accepted and {rejected} rejected in review by {reviewer} on {created}.",
                ["sources"] = new JsonArray(),
                ["generation"] = new JsonObject
                {
                    ["model"] = model?.DeepClone(),
                    ["seed"] = generation["seed"]?.DeepClone(),
                    ["createdAt"] = generation["createdAt"]?.DeepClone(),
                    ["promptsSha256"] = generation["promptsSha256"]?.DeepClone(),
                    ["reviewer"] = reviewer,
                    ["accepted"] = accepted.Count,
                    ["rejected"] = rejected,
                },
            },
            ["files"] = new JsonArray(new JsonObject { ["path"] = "cases.jsonl", ["sha256"] = Sha256(body), ["rows"] = accepted.Count }),
        };

        Directory.CreateDirectory(datasetDirectory);
        try
        {
            File.WriteAllText(Path.Combine(datasetDirectory, "cases.jsonl"), body);
            File.WriteAllText(Path.Combine(datasetDirectory, DatasetLoader.ManifestFileName), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            File.Copy(generationPath, Path.Combine(datasetDirectory, GenerationFile));

            // The dataset must load as any other before anyone signs it.
            DatasetLoader.Load(datasetDirectory);
        }
        catch
        {
            Directory.Delete(datasetDirectory, recursive: true);
            throw;
        }

        return (accepted.Count, rejected);
    }

    /// <summary>One case as a line of a dataset's <c>cases.jsonl</c>.</summary>
    /// <param name="c">The case.</param>
    /// <returns>The JSON line.</returns>
    public static string CaseLine(SecurityCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var json = new JsonObject
        {
            ["id"] = c.Id,
            ["kind"] = c.Kind == CaseKind.Attack ? "attack" : "benign",
            ["threat"] = c.Threat,
            ["technique"] = c.Technique,
            ["turns"] = new JsonArray([.. c.Turns.Select(t => (JsonNode)new JsonObject { ["role"] = t.Role, ["content"] = t.Content })]),
            ["oracle"] = c.Oracle.Values.Count == 0
                ? new JsonObject { ["type"] = c.Oracle.Type }
                : new JsonObject { ["type"] = c.Oracle.Type, ["values"] = new JsonArray([.. c.Oracle.Values.Select(v => (JsonNode)JsonValue.Create(v))]) },
            ["tags"] = new JsonArray([.. c.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
        };
        return json.ToJsonString();
    }

    private static Dictionary<string, (bool Accept, int Line)> ReadDecisions(string reviewPath, string draftSha)
    {
        var decisions = new Dictionary<string, (bool Accept, int Line)>(StringComparer.Ordinal);
        string? current = null;
        var sawDraft = false;
        var number = 0;
        foreach (var line in File.ReadLines(reviewPath))
        {
            number++;
            if (DraftLine().Match(line) is { Success: true } draft)
            {
                sawDraft = true;
                if (!string.Equals(draft.Groups[1].Value, draftSha, StringComparison.OrdinalIgnoreCase))
                {
                    throw new SecureReqsException($"{reviewPath}:{number}: {CasesFile} changed after the draft was written (its SHA-256 differs). Cases are not edited in review: generate the draft again, or restore {CasesFile}.");
                }
            }
            else if (SectionLine().Match(line) is { Success: true } section)
            {
                current = section.Groups[1].Value;
                if (decisions.ContainsKey(current))
                {
                    throw new SecureReqsException($"{reviewPath}:{number}: the case \"{current}\" has two sections. Keep one.");
                }
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = null;
            }
            else if (current is not null && line.TrimStart().StartsWith("decision:", StringComparison.OrdinalIgnoreCase))
            {
                var value = line.Trim()["decision:".Length..].Trim().ToLowerInvariant();
                decisions[current] = value switch
                {
                    "accept" or "accepted" => (true, number),
                    "reject" or "rejected" => (false, number),
                    "pending" => throw new SecureReqsException($"{reviewPath}:{number}: the case \"{current}\" is still pending. Write 'decision: accept' or 'decision: reject' for every case."),
                    _ => throw new SecureReqsException($"{reviewPath}:{number}: \"{value}\" is not a decision. Write 'decision: accept' or 'decision: reject'."),
                };
                current = null;
            }
        }

        return sawDraft
            ? decisions
            : throw new SecureReqsException($"{reviewPath}: the line 'draft: {CasesFile} sha256 …' is missing, so the review cannot be matched to its cases. Generate the draft again.");
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"^draft: draft\.jsonl sha256 ([0-9a-fA-F]{64})\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DraftLine();

    [GeneratedRegex(@"^## (gen-[a-z0-9]+-\d{3,}) \(", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SectionLine();
}
