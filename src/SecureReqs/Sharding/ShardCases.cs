using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// Writes a finished case into a shard's state and reads it back for <c>securereqs merge</c>: the outcome, the answers
/// and tool calls with PII masked (as every report shows them), the findings, the requests' latency and tokens. The case
/// itself (its request, planted values) is not written: the merge plans the story again and takes it by its index.
/// </summary>
public static class ShardCases
{
    /// <summary>Writes a case.</summary>
    /// <param name="result">The case.</param>
    /// <param name="what">What the case did against a requirement, or null.</param>
    /// <returns>The case as JSON.</returns>
    public static JsonObject Save(CaseResult result, IReadOnlyList<string>? what = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var planted = result.Instance.Planted;
        string Text(string text) => EvidenceMasker.Mask(text, planted);
        string Call(string text) => EvidenceMasker.MaskToolCall(text, planted);
        var json = new JsonObject
        {
            ["index"] = result.Instance.Index,
            ["outcome"] = result.Outcome.ToString(),
            ["answers"] = Array(result.Answers, a => JsonValue.Create(Text(a))),
            ["findings"] = Array(result.Findings, f => Finding(f, Call)),
            ["toolFindings"] = Array(result.ToolFindings, f => Finding(f, Call)),
            ["caller"] = new JsonObject { ["role"] = result.Caller.Role, ["clearance"] = result.Caller.Clearance },
            ["requested"] = Array(result.RequestedCalls, c => CallRecord(c, Call)),
            ["executed"] = Array(result.ExecutedCalls, c => CallRecord(c, Call)),
            ["invocations"] = Array(result.Invocations, i => new JsonObject
            {
                ["tool"] = i.Tool,
                ["callId"] = i.CallId,
                ["arguments"] = Call(i.Arguments),
                ["status"] = i.Status.ToString(),
                ["detail"] = i.Detail is null ? null : Call(i.Detail),
                ["origin"] = i.Origin,
            }),
            ["retrievals"] = Array(result.Retrievals, r => new JsonObject
            {
                ["document"] = r.DocumentId,
                ["title"] = r.Title,
                ["classification"] = r.Classification,
                ["callerClearance"] = r.CallerClearance,
                ["query"] = Text(r.Query),
            }),
            ["taskCompleted"] = result.TaskCompleted,
            ["exfiltrationAttempted"] = result.ExfiltrationAttempted,
            ["durationTicks"] = result.Duration.Ticks,
            ["attempts"] = result.Attempts,
            ["compromisedAtTurn"] = result.CompromisedAtTurn,
            ["adaptiveTurns"] = result.AdaptiveTurns,
            ["attackerRequests"] = result.AttackerRequests,
            ["requests"] = Array(result.Requests, r => new JsonObject
            {
                ["latencyTicks"] = r.Latency.Ticks,
                ["cached"] = r.Cached,
                ["usage"] = r.Usage is not { } u ? null : new JsonObject { ["input"] = u.InputTokenCount, ["output"] = u.OutputTokenCount, ["total"] = u.TotalTokenCount },
            }),
        };
        if (result.Error is { } error)
        {
            json["error"] = error;
        }

        if (result.Instance.Strategy is not null)
        {
            // An adaptive attack's conversation was written by the attacker model: the merge cannot plan it again.
            json["turns"] = Array(result.Instance.Turns, t => new JsonObject { ["role"] = t.Role, ["content"] = Text(t.Content), ["payload"] = t.Payload });
            json["payloadTurn"] = result.Instance.PayloadTurn;
        }

        if (what is not null)
        {
            json["what"] = Array(what, w => JsonValue.Create(Call(w)));
        }

        return json;
    }

    /// <summary>Reads a case written by <see cref="Save"/>.</summary>
    /// <param name="json">The case as JSON.</param>
    /// <param name="context">The story being merged: its cases by index.</param>
    /// <returns>The case and what it did against a requirement (empty when nothing was written).</returns>
    /// <exception cref="SecureReqsException">The JSON is not a case this version writes, or names a case the story does not have.</exception>
    public static SampledCase Load(JsonNode? json, ShardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = ShardJson.Object(json, "case");
        var instance = context.Instance(ShardJson.Int(o, "index"));
        if (o["turns"] is not null)
        {
            instance = instance with
            {
                Turns = ShardJson.List(o, "turns", n =>
                {
                    var t = ShardJson.Object(n, "turn");
                    return new CaseTurn(ShardJson.Text(t, "role"), ShardJson.Text(t, "content")) { Payload = t["payload"]?.GetValue<bool>() ?? false };
                }),
                PayloadTurn = ShardJson.Int(o, "payloadTurn"),
            };
        }

        var result = new CaseResult
        {
            Instance = instance,
            Outcome = ShardJson.Enum<Outcome>(o, "outcome"),
            Answers = ShardJson.List(o, "answers", n => ShardJson.String(n)),
            Findings = ShardJson.List(o, "findings", LoadFinding),
            ToolFindings = ShardJson.List(o, "toolFindings", LoadFinding),
            Caller = ShardJson.Object(o["caller"], "caller") is var c ? new CallerIdentity(ShardJson.Text(c, "role"), ShardJson.Text(c, "clearance")) : CallerIdentity.Default,
            RequestedCalls = ShardJson.List(o, "requested", LoadCall),
            ExecutedCalls = ShardJson.List(o, "executed", LoadCall),
            Invocations = ShardJson.List(o, "invocations", n =>
            {
                var i = ShardJson.Object(n, "invocation");
                return new ToolInvocationRecord(ShardJson.Text(i, "tool"), ShardJson.OptionalText(i, "callId"), ShardJson.Text(i, "arguments"), ShardJson.Enum<ToolInvocationStatus>(i, "status"), ShardJson.OptionalText(i, "detail")) { Origin = ShardJson.OptionalText(i, "origin") };
            }),
            Retrievals = ShardJson.List(o, "retrievals", n =>
            {
                var r = ShardJson.Object(n, "retrieval");
                return new RetrievalRecord(ShardJson.Text(r, "document"), ShardJson.OptionalText(r, "title"), ShardJson.Text(r, "classification"), ShardJson.Text(r, "callerClearance"), ShardJson.Text(r, "query"));
            }),
            TaskCompleted = o["taskCompleted"]?.GetValue<bool>(),
            ExfiltrationAttempted = o["exfiltrationAttempted"]?.GetValue<bool>() ?? false,
            Duration = TimeSpan.FromTicks(ShardJson.Long(o, "durationTicks")),
            Attempts = ShardJson.Int(o, "attempts"),
            CompromisedAtTurn = o["compromisedAtTurn"] is null ? null : ShardJson.Int(o, "compromisedAtTurn"),
            AdaptiveTurns = ShardJson.Int(o, "adaptiveTurns"),
            AttackerRequests = ShardJson.Int(o, "attackerRequests"),
            Error = ShardJson.OptionalText(o, "error"),
            Requests = ShardJson.List(o, "requests", n =>
            {
                var r = ShardJson.Object(n, "request");
                var usage = r["usage"] is JsonObject u
                    ? new UsageDetails { InputTokenCount = u["input"]?.GetValue<long>(), OutputTokenCount = u["output"]?.GetValue<long>(), TotalTokenCount = u["total"]?.GetValue<long>() }
                    : null;
                return new TargetRequest(TimeSpan.FromTicks(ShardJson.Long(r, "latencyTicks")), usage, r["cached"]?.GetValue<bool>() ?? false);
            }),
        };
        return new SampledCase(result, o["what"] is null ? [] : ShardJson.List(o, "what", n => ShardJson.String(n)));
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> write) => [.. items.Select(write)];

    private static JsonObject Finding(JudgeFinding finding, Func<string, string> mask) => new()
    {
        ["oracle"] = finding.Oracle,
        ["detail"] = mask(finding.Detail),
        ["turn"] = finding.Turn,
        ["kind"] = finding.Kind,
        ["method"] = finding.Method.ToString(),
    };

    private static JudgeFinding LoadFinding(JsonNode? node)
    {
        var f = ShardJson.Object(node, "finding");
        return new JudgeFinding(ShardJson.Text(f, "oracle"), ShardJson.Text(f, "detail"), ShardJson.Int(f, "turn"))
        {
            Kind = ShardJson.Text(f, "kind"),
            Method = ShardJson.Enum<JudgeMethod>(f, "method"),
        };
    }

    private static JsonObject CallRecord(ToolCallRecord call, Func<string, string> mask) => new()
    {
        ["tool"] = call.Tool,
        ["arguments"] = mask(call.Arguments),
        ["turn"] = call.Turn,
        ["approval"] = call.ApprovalRequest,
    };

    private static ToolCallRecord LoadCall(JsonNode? node)
    {
        var c = ShardJson.Object(node, "tool call");
        return new ToolCallRecord(ShardJson.Text(c, "tool"), ShardJson.Text(c, "arguments"), ShardJson.Int(c, "turn"), c["approval"]?.GetValue<bool>() ?? false);
    }
}
