using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// Writes SARIF 2.1.0 for code-scanning tabs (GitHub code scanning, Azure DevOps): one result per compromised case,
/// its rule the threat (<c>LLM01</c> … <c>LLM10</c>, or an agentic threat <c>T1</c> … <c>T15</c>) with help text, and
/// its location the scenario's line in its feature file.
/// </summary>
/// <remarks>
/// <para>Each result carries a fingerprint made of the rule, the feature file, the scenario and the case id, so a code
/// scanning alert stays the same alert across runs and closes when that case stops succeeding.</para>
/// <para>Messages name the case, its technique and what the judge found (with PII masked); they never carry requests or
/// answers. At most <see cref="MaxResults"/> results are written; the run's properties say when more were left out.
/// Thread-safe.</para>
/// </remarks>
public static class SarifWriter
{
    /// <summary>The most results one file carries (the limit GitHub code scanning accepts per run).</summary>
    public const int MaxResults = 25_000;

    /// <summary>The rule of a compromised case whose threat is in no framework the catalog knows.</summary>
    public const string FallbackRuleId = "SECUREREQS";

    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string SourceRoot = "%SRCROOT%";

    /// <summary>Writes the report to <paramref name="stream"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="sourceRoot">The repository root; feature files are located relative to it.</param>
    public static void Write(SecurityReport report, Stream stream, string sourceRoot)
    {
        var findings = Findings(report).ToList();
        var rules = findings.Select(f => f.Rule).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "SecureReqs");
        json.WriteString("version", typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in findings.Take(MaxResults))
        {
            WriteResult(json, finding, ruleIndex[finding.Rule.Id], report, sourceRoot);
        }

        json.WriteEndArray();

        json.WriteStartObject("properties");
        if (report.Target is not null)
        {
            json.WriteString("target", report.Target);
        }

        json.WriteNumber("compromisedCases", findings.Count);
        json.WriteBoolean("truncated", findings.Count > MaxResults);
        json.WriteEndObject();

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The rule a compromised case of <paramref name="story"/> is reported under.</summary>
    /// <param name="threat">The case's threat id, such as <c>LLM02</c>.</param>
    /// <param name="story">The story, for its tags when the threat names no known control.</param>
    /// <returns>The rule.</returns>
    public static ControlDefinition RuleFor(string threat, ResultsStory story)
    {
        foreach (var framework in new[] { ControlCatalog.OwaspLlm, ControlCatalog.OwaspAgentic })
        {
            if (framework.Resolve(threat) is { } control)
            {
                return control;
            }
        }

        foreach (var tag in story.Tags)
        {
            if (ControlCatalog.Resolve(tag, out var framework) is { } control && (framework == ControlCatalog.OwaspLlm || framework == ControlCatalog.OwaspAgentic))
            {
                return control;
            }
        }

        return new ControlDefinition(FallbackRuleId, "Security requirement", "A case reached its attack goal against the target.", "See the story and the evidence in the HTML report.");
    }

    private static IEnumerable<(ResultsStory Story, CaseResult Case, ControlDefinition Rule)> Findings(SecurityReport report) =>
        from story in report.Stories
        from result in ResultsJsonWriter.Evidence(story)
        where result.Outcome == Outcome.Compromised
        select (story, result, RuleFor(result.Instance.Case.Threat, story));

    private static void WriteRule(Utf8JsonWriter json, ControlDefinition rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", string.Concat(rule.Name.Split(' ', '&', '-').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Description.Length > 0 ? rule.Description : rule.Title);
        json.WriteEndObject();
        if (rule.HelpUri is not null)
        {
            json.WriteString("helpUri", rule.HelpUri);
        }

        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Title}. {rule.Description} How to fix: {rule.Mitigation} Each result is an attack case that reached its goal; the HTML report and results.json hold its evidence.");
        json.WriteString("markdown", $"**{rule.Title}**\n\n{rule.Description}\n\n**How to fix.** {rule.Mitigation}\n\nEach result is an attack case from the story's adversarial dataset that reached its goal against the target. The story's HTML report and `results.json` hold the evidence (request and answer, PII masked).");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", "error");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("security");
        json.WriteStringValue("ai");
        json.WriteStringValue(rule.Tag.Length > 0 ? rule.Tag : "securereqs");
        json.WriteEndArray();
        json.WriteString("precision", "high");
        json.WriteString("problem.severity", "error");
        json.WriteString("security-severity", rule.SecuritySeverity ?? "7.0");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, (ResultsStory Story, CaseResult Case, ControlDefinition Rule) finding, int ruleIndex, SecurityReport report, string sourceRoot)
    {
        var (story, result, rule) = finding;
        var mutator = result.Mutator == "none" ? "" : $", sent {result.Mutator}";
        var what = EvidenceMasker.Mask(result.Finding, result.Instance.Planted);
        json.WriteStartObject();
        json.WriteString("ruleId", rule.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", "error");
        json.WriteString("kind", "fail");
        json.WriteStartObject("message");
        json.WriteString("text", $"Attack case {result.Id} ({result.Technique}{mutator}) compromised the target {story.Record!.Run!.Target}: {what}. Story: {story.Feature} — {story.Scenario}.");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = Locate(report, story, sourceRoot);
        json.WriteString("uri", uri);
        if (relative)
        {
            json.WriteString("uriBaseId", SourceRoot);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, story.Line));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", Fingerprint(rule.Id, story.File, story.Scenario, result.Id) + ":1");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("caseId", result.Id);
        json.WriteString("technique", result.Technique);
        json.WriteString("mutator", result.Mutator);
        json.WriteNumber("attempts", result.Attempts);
        json.WriteString("dataset", story.Record.Run.Dataset);
        json.WriteString("target", story.Record.Run.Target);
        json.WriteString("source", Relative(result.Instance.Case.Source, sourceRoot));
        json.WriteString("story", $"{story.Feature}: {story.Scenario}");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static (string Uri, bool Relative) Locate(SecurityReport report, ResultsStory story, string sourceRoot)
    {
        var full = Path.GetFullPath(Path.Combine(report.FeaturesDirectory ?? sourceRoot, story.File));
        var relative = Path.GetRelativePath(Path.GetFullPath(sourceRoot), full);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (new Uri(full).AbsoluteUri, false);
        }

        return (string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString)), true);
    }

    // A case's source is "path:line"; inside the repository it is shown relative to it, as locations are.
    private static string Relative(string source, string sourceRoot)
    {
        var root = Path.GetFullPath(sourceRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return source.StartsWith(root, StringComparison.Ordinal) ? source[root.Length..].Replace(Path.DirectorySeparatorChar, '/') : source;
    }

    private static string Fingerprint(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..32];
}
