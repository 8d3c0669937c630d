using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>
/// <c>shard.json</c>: what one shard of a sharded run (<c>securereqs run --shard i/n</c>) hands to <c>securereqs
/// merge</c>: which shard it was, what it ran (the tool's commit, the features, the configuration, the target, the tag
/// filter) and each story's counts and samples. Written only when the shard's run finished.
/// </summary>
public sealed record ShardFile
{
    /// <summary>The file's name in the report folder.</summary>
    public const string FileName = "shard.json";

    /// <summary>The schema id.</summary>
    public const string Schema = "securereqs.shard/v1";

    /// <summary>Gets the file it was read from.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the shard.</summary>
    public required ShardSpec Shard { get; init; }

    /// <summary>Gets the commit of the securereqs build that ran the shard.</summary>
    public required string ToolCommit { get; init; }

    /// <summary>Gets the <c>--target</c> override, or null.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the <c>--tags</c> filter, or null.</summary>
    public string? Tags { get; init; }

    /// <summary>Gets the SHA-256 of the securereqs.json the shard used, or null.</summary>
    public string? ConfigurationSha256 { get; init; }

    /// <summary>Gets the feature files the shard ran, with their hashes.</summary>
    public IReadOnlyList<ResultsFeature> Features { get; init; } = [];

    /// <summary>Gets when the shard's run started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets when the shard's run finished.</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>Gets each story's state, by the story's key (its feature file and place in it).</summary>
    public required IReadOnlyDictionary<string, JsonObject> Stories { get; init; }

    /// <summary>Renders the shard file of a finished run.</summary>
    /// <param name="shard">The shard.</param>
    /// <param name="report">The shard's report.</param>
    /// <param name="tags">The <c>--tags</c> filter, or null.</param>
    /// <returns>The JSON text.</returns>
    public static string Render(ShardSpec shard, SecurityReport report, string? tags)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(report);
        var json = new JsonObject
        {
            ["schema"] = Schema,
            ["shard"] = shard.ToString(),
            ["tool"] = new JsonObject { ["name"] = ResultsJsonWriter.Tool.Name, ["version"] = ResultsJsonWriter.Tool.Version, ["commit"] = ResultsJsonWriter.Tool.Commit },
            ["target"] = report.Target,
            ["tags"] = tags,
            ["configurationSha256"] = report.ConfigurationSha256,
            ["features"] = new JsonArray([.. report.Features.Select(f => (JsonNode)new JsonObject { ["file"] = f.File, ["sha256"] = f.Sha256 })]),
            ["startedAt"] = report.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            ["finishedAt"] = report.FinishedAt.ToString("O", CultureInfo.InvariantCulture),
            ["stories"] = new JsonArray([.. report.Stories.Select(s => s.Record?.ShardState).OfType<JsonObject>().Select(s => (JsonNode)s.DeepClone())]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n";
    }

    /// <summary>Reads a shard file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="SecureReqsException">The file is missing, is not JSON, or is not a shard file of this version; the message names the file and the fix.</exception>
    public static ShardFile Read(string path)
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject ?? throw ShardJson.Damaged("it is not a JSON object");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecureReqsException($"{path}: cannot read the shard file: {ex.Message} Pass the report folder of each shard ('securereqs run --shard i/n' writes {FileName} there).", ex);
        }
        catch (JsonException ex)
        {
            throw new SecureReqsException($"{path}: not JSON ({ex.Message}): the file is damaged. Run the shard again.", ex);
        }

        try
        {
            var schema = ShardJson.OptionalText(o, "schema");
            if (schema != Schema)
            {
                throw new SecureReqsException($"the schema is \"{schema}\", but this version reads \"{Schema}\". Run every shard and the merge with the same version of securereqs.");
            }

            var stories = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var story in ShardJson.List(o, "stories", n => ShardJson.Object(n, "story")))
            {
                var key = ShardJson.Text(story, "key");
                if (!stories.TryAdd(key, story))
                {
                    throw ShardJson.Damaged($"the story {key} is in the file twice");
                }
            }

            var tool = ShardJson.Object(o["tool"], "tool");
            return new ShardFile
            {
                Path = path,
                Shard = ShardSpec.Parse(ShardJson.Text(o, "shard")),
                ToolCommit = ShardJson.Text(tool, "commit"),
                Target = ShardJson.OptionalText(o, "target"),
                Tags = ShardJson.OptionalText(o, "tags"),
                ConfigurationSha256 = ShardJson.OptionalText(o, "configurationSha256"),
                Features = ShardJson.List(o, "features", n => ShardJson.Object(n, "feature") is var f ? new ResultsFeature(ShardJson.Text(f, "file"), ShardJson.Text(f, "sha256")) : null!),
                StartedAt = DateTimeOffset.Parse(ShardJson.Text(o, "startedAt"), CultureInfo.InvariantCulture),
                FinishedAt = DateTimeOffset.Parse(ShardJson.Text(o, "finishedAt"), CultureInfo.InvariantCulture),
                Stories = stories,
            };
        }
        catch (Exception ex) when (ex is SecureReqsException or FormatException or InvalidOperationException)
        {
            throw new SecureReqsException($"{path}: {ex.Message}", ex);
        }
    }
}
