using System.Security.Cryptography;
using System.Text.Json;

namespace SecureReqs;

/// <summary>Reads and verifies datasets in format v1 (JSON Lines plus <c>manifest.json</c>).</summary>
/// <remarks>
/// Verification is strict and fail-closed: a hash or row-count mismatch, a missing or unlisted data file, a line that
/// is not JSON, a missing field or an unknown placeholder is a <see cref="DatasetException"/> naming the file and line.
/// </remarks>
public static class DatasetLoader
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "manifest.json";

    private static readonly JsonDocumentOptions _jsonOptions = new() { CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Loads and verifies the dataset in <paramref name="directory"/>.</summary>
    /// <param name="directory">The dataset folder holding <c>manifest.json</c>.</param>
    /// <returns>The verified dataset.</returns>
    /// <exception cref="DatasetException">The dataset is malformed or does not match its manifest.</exception>
    public static Dataset Load(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFileName);
        var manifest = ReadManifest(manifestPath);
        Verify(directory, manifest, manifestPath);

        var cases = new List<SecurityCase>();
        var documents = new List<KnowledgeDocument>();
        var calibration = new List<CalibrationItem>();
        var toolDescriptions = new List<LabelledToolDescription>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(directory, file.Path);
            if (file.Kind == DatasetFile.DocumentsKind)
            {
                documents.AddRange(KnowledgeDocumentLoader.Load(path));
                continue;
            }

            if (file.Kind == DatasetFile.CalibrationKind)
            {
                calibration.AddRange(CalibrationLoader.Load(path));
                continue;
            }

            if (file.Kind == DatasetFile.ToolDescriptionsKind)
            {
                toolDescriptions.AddRange(ToolDescriptionLoader.Load(path));
                continue;
            }

            foreach (var @case in ReadCases(path))
            {
                if (!ids.TryAdd(@case.Id, @case.Source))
                {
                    throw new DatasetException(path, LineOf(@case.Source), $"case id \"{@case.Id}\" is used twice (first at {ids[@case.Id]}). Give every case a unique id.");
                }

                cases.Add(@case);
            }
        }

        return new Dataset(directory, manifest, cases) { Documents = documents, Calibration = calibration, ToolDescriptions = toolDescriptions };
    }

    /// <summary>Reads a <c>manifest.json</c> without verifying the files it lists.</summary>
    /// <param name="manifestPath">The manifest's path.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="DatasetException">The manifest is missing or malformed.</exception>
    public static DatasetManifest ReadManifest(string manifestPath)
    {
        if (!File.Exists(manifestPath))
        {
            throw new DatasetException(manifestPath, null, "the dataset has no manifest.json. Every dataset folder needs one; see docs/datasets.md.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(manifestPath), _jsonOptions);
        }
        catch (JsonException ex)
        {
            throw new DatasetException(manifestPath, (int)(ex.LineNumber ?? 0) + 1, $"manifest.json is not valid JSON ({ex.Message}). Fix the JSON syntax.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetException(manifestPath, 1, "manifest.json must be a JSON object; see docs/datasets.md.");
            }

            var fields = new JsonFields(manifestPath, null, root, "manifest");
            var schema = fields.String("schema");
            if (schema != DatasetManifest.SchemaV1)
            {
                throw new DatasetException(manifestPath, null, $"unsupported schema \"{schema}\". This version reads \"{DatasetManifest.SchemaV1}\".");
            }

            var provenance = fields.Object("provenance");
            var provenanceFields = new JsonFields(manifestPath, null, provenance, "provenance");
            var files = new List<DatasetFile>();
            foreach (var file in fields.Array("files"))
            {
                var f = new JsonFields(manifestPath, null, file, "files[]");
                var sha = f.String("sha256");
                if (sha.Length != 64 || !sha.All(Uri.IsHexDigit))
                {
                    throw new DatasetException(manifestPath, null, $"files[].sha256 of \"{f.String("path")}\" must be 64 hex digits. Recompute it with `sha256sum`.");
                }

                var kind = f.OptionalString("kind") ?? DatasetFile.CasesKind;
                if (kind is not (DatasetFile.CasesKind or DatasetFile.DocumentsKind or DatasetFile.CalibrationKind or DatasetFile.ToolDescriptionsKind))
                {
                    throw new DatasetException(manifestPath, null, $"files[].kind of \"{f.String("path")}\" is \"{kind}\"; use \"{DatasetFile.CasesKind}\" (the default), \"{DatasetFile.DocumentsKind}\", \"{DatasetFile.CalibrationKind}\" or \"{DatasetFile.ToolDescriptionsKind}\".");
                }

                files.Add(new DatasetFile(f.String("path"), sha.ToLowerInvariant(), f.Int("rows")) { Kind = kind });
            }

            if (files.Count == 0)
            {
                throw new DatasetException(manifestPath, null, "the manifest lists no files. List each .jsonl file with its sha256 and rows.");
            }

            return new DatasetManifest
            {
                Schema = schema,
                Name = fields.String("name"),
                Version = fields.String("version"),
                Description = fields.String("description"),
                Threats = [.. fields.Array("threats").Select(t => t.GetString() ?? "")],
                License = fields.String("license"),
                Provenance = new DatasetProvenance(
                    provenanceFields.String("authors"),
                    provenanceFields.String("created"),
                    provenanceFields.String("method"),
                    [.. provenanceFields.OptionalArray("sources").Select(s => s.GetString() ?? "")]),
                Files = files,
            };
        }
    }

    /// <summary>Checks every file the manifest lists (hash and row count) and that no data file is unlisted.</summary>
    /// <param name="directory">The dataset folder.</param>
    /// <param name="manifest">The manifest.</param>
    /// <param name="manifestPath">The manifest's path, for messages.</param>
    /// <exception cref="DatasetException">A file is missing, unlisted, or differs from the manifest.</exception>
    public static void Verify(string directory, DatasetManifest manifest, string manifestPath)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var path = Path.GetFullPath(Path.Combine(directory, file.Path));
            listed.Add(path);
            if (!File.Exists(path))
            {
                throw new DatasetException(path, null, $"listed in {manifestPath} but missing. Restore the file or remove it from the manifest.");
            }

            var (sha, rows) = HashAndCountRows(path);
            if (!string.Equals(sha, file.Sha256, StringComparison.Ordinal))
            {
                throw new DatasetException(path, null, $"SHA-256 {sha} does not match {file.Sha256} in {manifestPath}. The file changed after the manifest was written: restore it, or review the change and update the manifest's sha256.");
            }

            if (rows != file.Rows)
            {
                throw new DatasetException(path, null, $"has {rows} rows but {manifestPath} says {file.Rows}. Update the manifest's rows.");
            }
        }

        foreach (var data in Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.AllDirectories))
        {
            if (!listed.Contains(Path.GetFullPath(data)))
            {
                throw new DatasetException(data, null, $"is not listed in {manifestPath}. Add it to \"files\" with its sha256 and rows, or move it out of the dataset folder.");
            }
        }
    }

    /// <summary>Computes a file's SHA-256 (lowercase hex) and its number of non-blank lines.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash and the row count.</returns>
    public static (string Sha256, int Rows) HashAndCountRows(string path)
    {
        var sha = FileHashes.Sha256(path);
        var rows = File.ReadLines(path).Count(l => !string.IsNullOrWhiteSpace(l));
        return (sha, rows);
    }

    /// <summary>Reads the cases of one JSON Lines file, one at a time.</summary>
    /// <param name="path">The <c>.jsonl</c> file.</param>
    /// <returns>The cases in file order.</returns>
    /// <exception cref="DatasetException">A line is malformed.</exception>
    public static IEnumerable<SecurityCase> ReadCases(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseCase(path, lineNumber, line);
        }
    }

    /// <summary>Parses one case line.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="lineNumber">The 1-based line, for messages.</param>
    /// <param name="line">The JSON text.</param>
    /// <returns>The case.</returns>
    /// <exception cref="DatasetException">The line is malformed.</exception>
    public static SecurityCase ParseCase(string path, int lineNumber, string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, _jsonOptions);
        }
        catch (JsonException ex)
        {
            throw new DatasetException(path, lineNumber, $"not valid JSON ({ex.Message}). Each line must be one complete JSON object.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetException(path, lineNumber, "a case must be a JSON object; see docs/datasets.md.");
            }

            var f = new JsonFields(path, lineNumber, root, "case");
            var id = f.String("id");
            var kindText = f.String("kind");
            var kind = kindText switch
            {
                "attack" => CaseKind.Attack,
                "benign" => CaseKind.Benign,
                _ => throw new DatasetException(path, lineNumber, $"case \"{id}\": kind \"{kindText}\" is not \"attack\" or \"benign\"."),
            };

            var turns = new List<CaseTurn>();
            foreach (var turn in f.Array("turns"))
            {
                var t = new JsonFields(path, lineNumber, turn, $"case \"{id}\" turn");
                var role = t.String("role");
                if (role is not ("user" or "assistant"))
                {
                    throw new DatasetException(path, lineNumber, $"case \"{id}\": turn role \"{role}\" is not \"user\" or \"assistant\".");
                }

                var user = t.OptionalString("user");
                if (user is not null && (role != "user" || user.Length is 0 or > 40 || !user.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
                {
                    throw new DatasetException(path, lineNumber, role != "user"
                        ? $"case \"{id}\": \"user\" belongs on a turn with role \"user\" (the synthetic user who sends it), not on an {role} turn."
                        : $"case \"{id}\": turn user \"{user}\" must be a short name of letters, digits, dashes or underscores, such as \"a\" or \"b\".");
                }

                turns.Add(new CaseTurn(role, t.String("content")) { Payload = t.OptionalBool("payload"), User = user, NewConversation = t.OptionalBool("new_conversation") });
            }

            if (!turns.Any(t => t.IsUser))
            {
                throw new DatasetException(path, lineNumber, $"case \"{id}\" has no user turn. Add at least one {{\"role\":\"user\",\"content\":\"...\"}}.");
            }

            var context = new List<CaseContextItem>();
            foreach (var item in f.OptionalArray("context"))
            {
                var c = new JsonFields(path, lineNumber, item, $"case \"{id}\" context item");
                var label = c.OptionalString("label") ?? "internal";
                if (label is not ("public" or "internal" or "confidential"))
                {
                    throw new DatasetException(path, lineNumber, $"case \"{id}\": context label \"{label}\" is not \"public\", \"internal\" or \"confidential\".");
                }

                var contextKind = c.String("kind");
                var tool = c.OptionalString("tool");
                if (tool is not null && contextKind != "tool-result")
                {
                    throw new DatasetException(path, lineNumber, $"case \"{id}\": \"tool\" belongs on a context item of kind \"tool-result\", not \"{contextKind}\".");
                }

                context.Add(new CaseContextItem(contextKind, c.OptionalString("title"), label, c.String("content"))
                {
                    Payload = c.OptionalBool("payload"),
                    Tool = tool,
                    Arguments = c.OptionalObjectJson("arguments"),
                });
            }

            var oracleFields = new JsonFields(path, lineNumber, f.Object("oracle"), $"case \"{id}\" oracle");
            var oracleType = oracleFields.String("type");
            if (oracleType != CaseOracle.Served && !JudgeRegistry.Shared.Contains(oracleType))
            {
                var known = JudgeRegistry.Shared.Oracles.Append(CaseOracle.Served).ToList();
                var near = Suggestions.DidYouMean(oracleType, known);
                throw new DatasetException(path, lineNumber, $"case \"{id}\": unknown oracle type \"{oracleType}\".{near} Known: {string.Join(", ", known)}; a custom oracle needs its judge registered (JudgeRegistry.Shared.Add) before the dataset loads.");
            }

            var values = oracleFields.OptionalArray("values").Select(v => v.GetString() ?? "").ToList();
            CallerIdentity? caller = null;
            if (f.OptionalObject("caller") is { } callerElement)
            {
                var cf = new JsonFields(path, lineNumber, callerElement, $"case \"{id}\" caller");
                var clearance = cf.String("clearance");
                if (!Classification.IsKnown(clearance))
                {
                    throw new DatasetException(path, lineNumber, $"case \"{id}\": caller clearance \"{clearance}\" is not one of {string.Join(", ", Classification.Levels)}.");
                }

                caller = new CallerIdentity(cf.String("role"), clearance);
            }

            IReadOnlyList<string> taskTools = f.OptionalObject("task") is { } taskElement
                ? [.. new JsonFields(path, lineNumber, taskElement, $"case \"{id}\" task").OptionalArray("tools").Select(t => t.GetString() ?? "").Where(t => t.Length > 0)]
                : [];
            var @case = new SecurityCase
            {
                Id = id,
                Kind = kind,
                Threat = f.String("threat"),
                Technique = f.String("technique"),
                Turns = turns,
                Context = context,
                Oracle = new CaseOracle(oracleType, values),
                Tags = [.. f.OptionalArray("tags").Select(t => t.GetString() ?? "")],
                Caller = caller,
                TaskTools = taskTools,
                Source = $"{path}:{lineNumber}",
            };
            CheckPlaceholders(path, lineNumber, @case);
            return @case;
        }
    }

    private static void CheckPlaceholders(string path, int lineNumber, SecurityCase @case)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in @case.Turns.Select(t => t.Content).Concat(@case.Context.Select(c => c.Content)))
        {
            foreach (var name in Placeholders.Find(text))
            {
                if (!Placeholders.All.Contains(name))
                {
                    throw new DatasetException(path, lineNumber, $"case \"{@case.Id}\": unknown placeholder {{{{{name}}}}}. Known placeholders: {string.Join(", ", Placeholders.All)}.");
                }

                used.Add(name);
                if (name == Placeholders.Record)
                {
                    used.UnionWith(Placeholders.RecordFields);
                }
            }
        }

        var oracle = @case.Oracle;
        if (@case.Kind == CaseKind.Benign != (oracle.Type == CaseOracle.Served))
        {
            throw new DatasetException(path, lineNumber, @case.Kind == CaseKind.Benign
                ? $"case \"{@case.Id}\" is benign, so its oracle must be \"served\", not \"{oracle.Type}\"."
                : $"case \"{@case.Id}\" is an attack, so its oracle must say what counts as compromise (one of {string.Join(", ", JudgeRegistry.Shared.Oracles)}), not \"served\".");
        }

        if (oracle.Type == CaseOracle.Canary && !used.Contains(Placeholders.Canary))
        {
            throw new DatasetException(path, lineNumber, $"case \"{@case.Id}\" has a canary oracle but never plants {{{{canary}}}}. Put {{{{canary}}}} in the instruction the attacker wants followed.");
        }

        if (oracle.Type is CaseOracle.ForbiddenUrl or CaseOracle.ForbiddenTool or CaseOracle.Poison && oracle.Values.Count == 0)
        {
            throw new DatasetException(path, lineNumber, $"case \"{@case.Id}\": a {oracle.Type} oracle needs \"values\" (the {oracle.Type switch { CaseOracle.ForbiddenUrl => "forbidden hosts", CaseOracle.ForbiddenTool => "forbidden tools", _ => "poisoned document's markers" }}).");
        }

        if (@case.Turns.Count(t => t.Payload) + @case.Context.Count(c => c.Payload) > 1)
        {
            throw new DatasetException(path, lineNumber, $"case \"{@case.Id}\" marks more than one part with \"payload\": true; mark the one part that carries the attack.");
        }

        foreach (var value in oracle.Type == CaseOracle.NoLeak ? oracle.Values : [])
        {
            if (!used.Contains(value))
            {
                throw new DatasetException(path, lineNumber, $"case \"{@case.Id}\": the oracle names \"{value}\" but the case never plants {{{{{value}}}}}. Remove it from oracle.values or use the placeholder.");
            }
        }
    }

    private static int? LineOf(string source) =>
        int.TryParse(source.AsSpan(source.LastIndexOf(':') + 1), out var line) ? line : null;
}
