using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SecureReqs.Guardrails;

/// <summary>
/// The OpenTelemetry metrics the guardrails emit through <see cref="System.Diagnostics.Metrics"/>, one counter per story
/// KPI they act on, so the requirement a story checks before a release can be watched in production: redactions (the
/// redaction rate), injections acted on (the injection detection rate), system prompt leaks blocked (the system prompt
/// leakage rate), tool calls denied (the unauthorized tool-call rate), documents withheld (the unauthorized document
/// exposure rate) and field values tokenized before the model saw them (the data-minimisation steps). Read them with <c>dotnet-counters monitor --counters SecureReqs.Guardrails</c> or an OpenTelemetry
/// exporter (<c>AddMeter("SecureReqs.Guardrails")</c>); see <c>docs/guardrails.md</c>.
/// </summary>
/// <remarks>Thread-safe. Tags never carry content: only PII types, actions, verdicts, tool names, roles and reasons.
/// Every guardrail uses <see cref="Shared"/> unless it is given its own instance (from an <see cref="IMeterFactory"/>
/// under dependency injection, or in tests).</remarks>
public sealed class GuardrailMetrics : IDisposable
{
    /// <summary>The meter's name, to subscribe to: <c>SecureReqs.Guardrails</c>.</summary>
    public const string MeterName = "SecureReqs.Guardrails";

    /// <summary>Counter: values the PII redaction guardrail masked (tag <c>securereqs.pii_type</c>). KPI: redaction rate.</summary>
    public const string Redactions = "securereqs.guardrail.redactions";

    /// <summary>Counter: requests the prompt-injection guard acted on (tags <c>securereqs.action</c>: blocked, sanitized or
    /// flagged; <c>securereqs.verdict</c>). KPI: injection detection rate.</summary>
    public const string InjectionsDetected = "securereqs.guardrail.injections_detected";

    /// <summary>Counter: answers the system prompt leak filter blocked. KPI: system prompt leakage rate.</summary>
    public const string SystemPromptLeaksBlocked = "securereqs.guardrail.system_prompt_leaks_blocked";

    /// <summary>Counter: tool invocations the tool permissions guardrail refused (tags <c>securereqs.tool</c>,
    /// <c>securereqs.role</c>). KPI: unauthorized tool-call rate.</summary>
    public const string ToolCallsDenied = "securereqs.guardrail.tool_calls_denied";

    /// <summary>Counter: retrieved documents withheld from the model (tag <c>securereqs.reason</c>: clearance or
    /// integrity). KPI: unauthorized document exposure rate.</summary>
    public const string DocumentsWithheld = "securereqs.guardrail.documents_withheld";

    /// <summary>Counter: values the field tokenization guardrail replaced by a token before the model saw them, and
    /// free-text lines of protected content it withheld (tag <c>securereqs.kind</c>: field, withheld, or a PII type).
    /// Story steps: "confidential fields reach the model only tokenized", "no request to the model contains …".</summary>
    public const string FieldsTokenized = "securereqs.guardrail.fields_tokenized";

    private readonly bool _ownsMeter;
    private readonly Counter<long> _redactions;
    private readonly Counter<long> _injections;
    private readonly Counter<long> _leaks;
    private readonly Counter<long> _denied;
    private readonly Counter<long> _withheld;
    private readonly Counter<long> _tokenized;

    /// <summary>Creates the metrics on a meter of their own, or on one from <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The application's meter factory (dependency injection), or null for a meter of its own.</param>
    public GuardrailMetrics(IMeterFactory? meterFactory = null)
    {
        var options = new MeterOptions(MeterName) { Version = SecureReqsVersion.Version };
        Meter = meterFactory?.Create(options) ?? new Meter(options);
        _ownsMeter = meterFactory is null;
        _redactions = Meter.CreateCounter<long>(Redactions, "{value}", "Values the PII redaction guardrail masked; counts toward the story KPI 'redaction rate'.");
        _injections = Meter.CreateCounter<long>(InjectionsDetected, "{request}", "Requests the prompt-injection guard blocked, sanitized or flagged; counts toward the story KPI 'injection detection rate'.");
        _leaks = Meter.CreateCounter<long>(SystemPromptLeaksBlocked, "{answer}", "Answers blocked because they revealed the system prompt; counts toward the story KPI 'system prompt leakage rate'.");
        _denied = Meter.CreateCounter<long>(ToolCallsDenied, "{call}", "Tool invocations refused by the tool policy; counts toward the story KPI 'unauthorized tool-call rate'.");
        _tokenized = Meter.CreateCounter<long>(FieldsTokenized, "{value}", "Values replaced by a token (or free-text lines withheld) before the model saw them; counts toward the story steps on what reaches the model.");
        _withheld = Meter.CreateCounter<long>(DocumentsWithheld, "{document}", "Retrieved documents withheld from the model; counts toward the story KPI 'unauthorized document exposure rate'.");
    }

    /// <summary>The metrics every guardrail uses unless given other ones.</summary>
    public static GuardrailMetrics Shared { get; } = new();

    /// <summary>The meter the counters belong to.</summary>
    public Meter Meter { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter && !ReferenceEquals(this, Shared))
        {
            Meter.Dispose();
        }
    }

    internal void Redacted(PiiType type) => _redactions.Add(1, new KeyValuePair<string, object?>("securereqs.pii_type", type.Name));

    internal void InjectionDetected(string action, InjectionVerdict verdict) =>
        _injections.Add(1, new TagList { { "securereqs.action", action }, { "securereqs.verdict", verdict.ToString().ToLowerInvariant() } });

    internal void SystemPromptLeakBlocked() => _leaks.Add(1);

    internal void ToolCallDenied(string tool, string role) =>
        _denied.Add(1, new TagList { { "securereqs.tool", tool }, { "securereqs.role", role } });

    internal void DocumentsWithheldFromModel(int count, string reason) =>
        _withheld.Add(count, new KeyValuePair<string, object?>("securereqs.reason", reason));

    internal void FieldTokenized(string kind) => _tokenized.Add(1, new KeyValuePair<string, object?>("securereqs.kind", kind));
}
