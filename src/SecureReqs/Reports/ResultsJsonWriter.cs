using System.Reflection;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// Writes <c>results.json</c> (schema <c>securereqs.results/v2</c>, documented in docs/results-schema.md): every story,
/// requirement, count, bound, verdict, breakdown, token usage and latency, and the evidence of the cases that stand
/// against a requirement, with PII masked. Files are written by <see cref="ReportFiles"/>, through the report sanitizer.
/// </summary>
public static class ResultsJsonWriter
{
    /// <summary>The schema id written in the file.</summary>
    public const string Schema = "securereqs.results/v2";

    /// <summary>Renders the report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON.</returns>
    public static string Render(SecurityReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The build that writes results: its version and the commit it was built from ("unknown" outside a git checkout).</summary>
    public static ResultsTool Tool { get; } = new("securereqs", SecureReqsVersion.Version, SecureReqsVersion.Commit);

    /// <summary>Writes the report to <paramref name="stream"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    public static void Write(SecurityReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteStartObject("tool");
        json.WriteString("name", Tool.Name);
        json.WriteString("version", Tool.Version);
        json.WriteString("commit", Tool.Commit);
        json.WriteEndObject();
        json.WriteBoolean("complete", report.Complete && !report.Interrupted);
        json.WriteBoolean("interrupted", report.Interrupted);
        json.WriteBoolean("dryRun", report.DryRun);
        json.WriteString("shard", report.Shard);
        if (report.MergedShards is { } merged)
        {
            json.WriteNumber("mergedShards", merged);
        }
        else
        {
            json.WriteNull("mergedShards");
        }

        json.WriteString("target", report.Target);
        json.WriteString("configurationSha256", report.ConfigurationSha256);
        json.WriteStartArray("features");
        foreach (var feature in report.Features)
        {
            json.WriteStartObject();
            json.WriteString("file", feature.File);
            json.WriteString("sha256", feature.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("startedAt", report.StartedAt);
        json.WriteString("finishedAt", report.FinishedAt);
        json.WriteStartObject("summary");
        json.WriteNumber("stories", report.Stories.Count);
        foreach (var status in Enum.GetValues<StoryStatus>())
        {
            json.WriteNumber(Name(status), report.Count(status));
        }

        json.WriteBoolean("allPassed", report.AllPassed);
        json.WriteEndObject();
        json.WriteStartArray("stories");
        foreach (var story in report.Stories)
        {
            WriteStory(json, story);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The kebab-case name of a value, as the file writes it.</summary>
    /// <param name="value">An enum value.</param>
    /// <returns>The name.</returns>
    public static string Name(Enum value) =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static void WriteStory(Utf8JsonWriter json, ResultsStory story)
    {
        json.WriteStartObject();
        json.WriteString("file", story.File);
        json.WriteNumber("line", story.Line);
        json.WriteString("feature", story.Feature);
        json.WriteString("scenario", story.Scenario);
        json.WriteStartArray("tags");
        foreach (var tag in story.Tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteString("status", Name(story.Status));
        json.WriteString("message", story.Message);
        json.WriteNumber("durationMs", Math.Round(story.Duration.TotalMilliseconds, 1));
        if (story.Provenance is { } provenance)
        {
            WriteProvenance(json, provenance);
        }

        var run = story.Record?.Run;
        if (run is not null)
        {
            json.WriteString("target", run.Target);
            json.WriteString("dataset", run.Dataset);
            json.WriteStartObject("outcomes");
            json.WriteNumber("cases", run.CaseCount);
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                json.WriteNumber(Name(outcome), run.Count(outcome));
            }

            json.WriteEndObject();
            WriteConsumption(json, run.Tally.Consumption());
        }

        json.WriteStartArray("notes");
        foreach (var note in story.Record?.Notes ?? [])
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteStartArray("requirements");
        foreach (var requirement in story.Record?.Requirements ?? [])
        {
            WriteRequirement(json, requirement);
        }

        json.WriteEndArray();
        json.WriteStartArray("evidence");
        var evidence = Evidence(story);
        foreach (var result in evidence)
        {
            WriteEvidence(json, result);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter json, ResultsProvenance provenance)
    {
        json.WriteStartObject("provenance");
        WriteTarget(json, "target", provenance.Target);

        json.WriteStartArray("datasets");
        foreach (var dataset in provenance.Datasets)
        {
            json.WriteStartObject();
            json.WriteString("name", dataset.Name);
            json.WriteString("version", dataset.Version);
            json.WriteString("manifestSha256", dataset.ManifestSha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Number(json, "seed", provenance.Seed);
        Number(json, "records", provenance.Records);

        json.WriteStartArray("mutators");
        foreach (var mutator in provenance.Mutators)
        {
            json.WriteStringValue(mutator);
        }

        json.WriteEndArray();
        json.WriteNumber("attempts", provenance.Attempts);
        if (provenance.Recording is { } recording)
        {
            // Added: the story replayed this recording; nothing was sent to configured targets.
            json.WriteString("recording", recording);
        }

        if (provenance.AdaptiveTurns is { } turns)
        {
            // Added: attacks pursued turn by turn by an attacker model.
            json.WriteStartObject("adaptive");
            WriteTarget(json, "attacker", provenance.Attacker);
            json.WriteStartArray("strategies");
            foreach (var strategy in provenance.AdaptiveStrategies)
            {
                json.WriteStringValue(strategy);
            }

            json.WriteEndArray();
            json.WriteNumber("maxTurns", turns);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter json, string name, StoryTarget? target)
    {
        if (target is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("name", target.Name);
        json.WriteString("kind", target.Kind);
        json.WriteString("endpointHost", target.EndpointHost);
        json.WriteString("model", target.Model);
        json.WriteEndObject();
    }

    private static void WriteRequirement(Utf8JsonWriter json, RequirementResult r)
    {
        json.WriteStartObject();
        json.WriteString("requirement", r.Requirement);
        json.WriteString("kpi", r.Kpi);
        json.WriteString("comparison", Name(r.Comparison));
        Number(json, "threshold", r.Threshold);
        Number(json, "confidence", r.Confidence);
        Number(json, "measured", r.Measured);
        json.WriteNumber("count", r.Count);
        json.WriteNumber("total", r.Total);
        Number(json, "bound", r.Bound);
        json.WriteString("verdict", Name(r.Verdict));
        if (r.CasesNeeded is { } needed)
        {
            json.WriteNumber("casesNeeded", needed);
        }

        json.WriteString("message", r.Message);
        if (r.Warning is not null)
        {
            json.WriteString("warning", r.Warning);
        }

        json.WriteNumber("againstCount", r.AgainstCount);
        json.WriteStartArray("againstCases");
        foreach (var c in r.AgainstCases)
        {
            json.WriteStringValue(c.Id);
        }

        json.WriteEndArray();
        Breakdown(json, "breakdown", "technique", r.Breakdown);
        Breakdown(json, "mutatorBreakdown", "mutator", r.MutatorBreakdown);
        json.WriteEndObject();
    }

    private static void Breakdown(Utf8JsonWriter json, string name, string key, IReadOnlyList<KpiBreakdownRow> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString(key, row.Technique);
            json.WriteNumber("count", row.Count);
            json.WriteNumber("total", row.Total);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The cases a story's reports show: those standing against its requirements (all of them, or a seeded
    /// sample when there are many) and a seeded sample of its run per outcome, in case order.</summary>
    /// <param name="story">The story.</param>
    /// <returns>The cases.</returns>
    public static IReadOnlyList<CaseResult> Evidence(ResultsStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return [.. (story.Record?.Requirements ?? []).SelectMany(r => r.AgainstCases).Concat(story.Record?.Sample?.Cases ?? []).DistinctBy(c => c.Id).OrderBy(c => c.Instance.Index)];
    }

    /// <summary>Writes one case as evidence (request and answers with PII masked, outcome, finding, cost), as an object.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="result">The case.</param>
    /// <param name="head">Writes properties that come first (results.ndjson names the story), or null.</param>
    internal static void WriteEvidence(Utf8JsonWriter json, CaseResult result, Action<Utf8JsonWriter>? head = null)
    {
        var planted = result.Instance.Planted;
        json.WriteStartObject();
        head?.Invoke(json);
        json.WriteString("id", result.Id);
        json.WriteString("technique", result.Technique);
        json.WriteString("mutator", result.Mutator);
        json.WriteNumber("attempts", result.Attempts);
        if (result.Instance.Strategy is { } strategy)
        {
            // Added: an attack pursued by an attacker model, the turn it first succeeded at (null: it did not).
            json.WriteStartObject("adaptive");
            json.WriteString("strategy", AdaptiveStrategies.Label(strategy));
            json.WriteNumber("turns", result.AdaptiveTurns);
            Number(json, "compromisedAtTurn", result.CompromisedAtTurn);
            json.WriteNumber("attackerRequests", result.AttackerRequests);
            json.WriteEndObject();
        }

        json.WriteString("kind", Name(result.Instance.Case.Kind));
        json.WriteString("outcome", Name(result.Outcome));
        json.WriteString("finding", EvidenceMasker.MaskToolCall(result.Finding, planted));
        json.WriteString("source", result.Instance.Case.Source);
        json.WriteNumber("latencyMs", Milliseconds(result.Latency));
        if (result.Requests.Count > 0 && result.Requests.All(r => r.Tokens is not null))
        {
            json.WriteNumber("tokens", result.Requests.Sum(r => r.Tokens!.Value));
        }
        else
        {
            json.WriteNull("tokens");
        }

        json.WriteStartArray("request");
        foreach (var context in result.Instance.Context)
        {
            json.WriteStartObject();
            json.WriteString("role", "context");
            json.WriteString("content", EvidenceMasker.Mask(ContextText(context), planted));
            json.WriteEndObject();
        }

        foreach (var turn in result.Instance.Turns)
        {
            json.WriteStartObject();
            json.WriteString("role", turn.Role);
            json.WriteString("content", EvidenceMasker.Mask(turn.Content, planted));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("answers");
        foreach (var answer in result.Answers)
        {
            json.WriteStringValue(EvidenceMasker.Mask(answer, planted));
        }

        json.WriteEndArray();
        if (result.RequestedCalls.Count > 0 || result.Invocations.Count > 0)
        {
            // What the agent asked for and what actually ran or was refused: where data went stays visible, PII does not.
            json.WriteStartArray("toolCalls");
            foreach (var call in result.RequestedCalls)
            {
                WriteCall(json, call.Tool, EvidenceMasker.MaskToolCall(call.Arguments, planted), call.ApprovalRequest ? "held-for-approval" : "requested", null);
            }

            foreach (var invocation in result.Invocations)
            {
                WriteCall(json, invocation.Tool, EvidenceMasker.MaskToolCall(invocation.Arguments, planted), Name(invocation.Status), invocation.Detail is null ? null : EvidenceMasker.MaskToolCall(invocation.Detail, planted), invocation.Origin);
            }

            json.WriteEndArray();
        }

        if (result.Retrievals.Count > 0)
        {
            json.WriteStartArray("retrievals");
            foreach (var retrieval in result.Retrievals)
            {
                json.WriteStartObject();
                json.WriteString("document", retrieval.DocumentId);
                json.WriteString("classification", retrieval.Classification);
                json.WriteString("callerClearance", retrieval.CallerClearance);
                json.WriteBoolean("aboveClearance", retrieval.AboveClearance);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteCall(Utf8JsonWriter json, string tool, string arguments, string status, string? detail, string? origin = null)
    {
        json.WriteStartObject();
        json.WriteString("tool", tool);
        json.WriteString("arguments", arguments);
        json.WriteString("status", status);
        if (detail is not null)
        {
            json.WriteString("detail", detail);
        }

        if (origin is not null)
        {
            json.WriteString("origin", origin);
        }

        json.WriteEndObject();
    }

    // A context message may be an earlier tool call and its result rather than text.
    private static string ContextText(Microsoft.Extensions.AI.ChatMessage message) =>
        string.Join("\n", message.Contents.Select(c => c switch
        {
            Microsoft.Extensions.AI.TextContent t => t.Text,
            Microsoft.Extensions.AI.FunctionCallContent call => $"[earlier call] {call.Name}({RecordingAIFunction.ArgumentsJson(call.Arguments)})",
            Microsoft.Extensions.AI.FunctionResultContent result => "[its result] " + MessageText.OfResult(result.Result),
            _ => "",
        }).Where(t => t.Length > 0));

    private static void WriteConsumption(Utf8JsonWriter json, RunConsumption consumption)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("requests", consumption.Requests);
        json.WriteNumber("cachedRequests", consumption.CachedRequests);
        json.WriteNumber("requestsWithoutUsage", consumption.RequestsWithoutUsage);
        json.WriteNumber("inputTokens", consumption.InputTokens);
        json.WriteNumber("outputTokens", consumption.OutputTokens);
        json.WriteNumber("totalTokens", consumption.TotalTokens);
        json.WriteEndObject();
        json.WriteStartObject("latency");
        foreach (var (name, value) in new[] { ("p50Ms", consumption.MedianLatency), ("p95Ms", consumption.P95Latency), ("maxMs", consumption.MaxLatency) })
        {
            if (value is { } latency)
            {
                json.WriteNumber(name, Milliseconds(latency));
            }
            else
            {
                json.WriteNull(name);
            }
        }

        json.WriteEndObject();
    }

    private static double Milliseconds(TimeSpan value) => Math.Round(value.TotalMilliseconds, 1);

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsNaN(value))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, Math.Round(value, 6));
        }
    }
}
