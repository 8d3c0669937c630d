using System.Text.Json.Nodes;

namespace SecureReqs.Endpoints;

/// <summary>One target declared in <c>securereqs.json</c> (format: docs/configuration.md).</summary>
public sealed class EndpointTargetOptions
{
    /// <summary>The name stories use.</summary>
    public required string Name { get; init; }

    /// <summary>What the endpoint speaks.</summary>
    public required EndpointKind Kind { get; init; }

    /// <summary>The endpoint: the API base (<c>https://host/v1</c>) for <see cref="EndpointKind.OpenAI"/>, the full URL for <see cref="EndpointKind.Http"/>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>One line saying what it is.</summary>
    public string? Description { get; init; }

    /// <summary>The model (required for <see cref="EndpointKind.OpenAI"/>).</summary>
    public string? Model { get; init; }

    /// <summary>The API key, always from an environment variable; null when the endpoint needs none.</summary>
    public ConfiguredString? ApiKey { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the header that carries the key; <c>Authorization</c> sends <c>Bearer &lt;key&gt;</c>.</summary>
    /// <value>The default value is <c>Authorization</c>.</value>
    public string ApiKeyHeader { get; init; } = "Authorization";

    /// <summary>Headers sent with every request.</summary>
    public IReadOnlyList<EndpointHeader> Headers { get; init; } = [];

    /// <summary>The system prompt, so leakage judges know what to look for.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Values whose appearance in an answer proves the system prompt leaked (its canary or secret).</summary>
    public IReadOnlyList<ConfiguredString> SystemPromptSecrets { get; init; } = [];

    /// <summary>
    /// The target's own public values (its support e-mail address, its hotline), literal or <c>env:NAME</c>: checks that
    /// flag any value of a kind ("no response contains an e-mail address") accept them. Planted values are never public.
    /// </summary>
    public IReadOnlyList<ConfiguredString> PublicValues { get; init; } = [];

    /// <summary>Whether the system prompt is sent as the first message of every request (the endpoint is a bare model).</summary>
    /// <value>The default value is true for <see cref="EndpointKind.OpenAI"/>, false for <see cref="EndpointKind.Http"/> (the app adds its own).</value>
    public bool SendSystemPrompt { get; init; }

    /// <summary>The sampling temperature sent with every request, or null for the endpoint's default.</summary>
    public float? Temperature { get; init; }

    /// <summary>The most output tokens per answer, or null for the endpoint's default.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>The sampling seed sent with every request, or null.</summary>
    public long? Seed { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the HTTP method.</summary>
    /// <value>The default value is POST.</value>
    public string Method { get; init; } = "POST";

    /// <summary>For <see cref="EndpointKind.Http"/>: the request body template with <c>{{messages}}</c>, <c>{{prompt}}</c>, <c>{{systemPrompt}}</c>, <c>{{model}}</c>.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the path of the answer text in the response, such as <c>choices.0.message.content</c>.</summary>
    public string? ResponsePath { get; init; }

    /// <summary>
    /// For <see cref="EndpointKind.Http"/>: the path of the finish reason in the response, such as <c>choices.0.finish_reason</c>,
    /// or null. <c>length</c> (or <c>max_tokens</c>) is <see cref="Microsoft.Extensions.AI.ChatFinishReason.Length"/>,
    /// <c>content_filter</c> (or <c>safety</c>, <c>refusal</c>) is <see cref="Microsoft.Extensions.AI.ChatFinishReason.ContentFilter"/>;
    /// an answer without one, or a target without this path, finished normally.
    /// </summary>
    public string? FinishReasonPath { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the path of the input token count in the response, or null.</summary>
    public string? InputTokensPath { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the path of the output token count in the response, or null.</summary>
    public string? OutputTokensPath { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the path of the total token count in the response, or null.</summary>
    public string? TotalTokensPath { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the server-side session the target keeps, or null when every request carries the whole conversation.</summary>
    public EndpointSessionOptions? Session { get; init; }

    /// <summary>
    /// For <see cref="EndpointKind.Http"/>: the path of the text in each event of a streamed answer (<c>text/event-stream</c>),
    /// whose texts are joined into the answer.
    /// </summary>
    /// <value>The default value is <c>choices.0.delta.content</c>, as OpenAI-compatible servers stream.</value>
    public string StreamTextPath { get; init; } = "choices.0.delta.content";

    /// <summary>For <see cref="EndpointKind.Http"/>: the path of the finish reason in the events of a streamed answer.</summary>
    /// <value>The default value is <c>choices.0.finish_reason</c>, as OpenAI-compatible servers stream.</value>
    public string StreamFinishReasonPath { get; init; } = "choices.0.finish_reason";

    /// <summary>
    /// For <see cref="EndpointKind.Http"/>: the path of the tool calls an answer reports (OpenAI's <c>tool_calls</c> shape
    /// or flat <c>{ "name", "arguments" }</c> items), such as <c>choices.0.message.tool_calls</c>, or null when the
    /// answers report none. They become the answer's function calls, which tool stories judge (black-box).
    /// </summary>
    public string? ToolCallsPath { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the path of the tool calls in the events of a streamed answer, read when <see cref="ToolCallsPath"/> is set.</summary>
    /// <value>The default value is <c>choices.0.delta.tool_calls</c>, as OpenAI-compatible servers stream.</value>
    public string StreamToolCallsPath { get; init; } = "choices.0.delta.tool_calls";

    /// <summary>
    /// For <see cref="EndpointKind.Http"/>: the field that marks a context message in <c>{{messages}}</c> (a document,
    /// record, e-mail or tool result a case supplies) with <c>{ "kind", "classification" }</c> (and <c>tool</c>,
    /// <c>arguments</c>, <c>call_id</c> for an earlier tool call), so the app can treat it as retrieved content, not as
    /// the user's words; null to send context messages as plain messages.
    /// </summary>
    public string? ContextField { get; init; }

    /// <summary>
    /// The policy of the tools the target's agent may call (a <c>securereqs.tool-policy/v1</c> file, as in code), so tool
    /// stories judge the calls its answers report (black-box); null when it declares none.
    /// </summary>
    public ToolPolicy? ToolPolicy { get; init; }

    /// <summary>
    /// For <see cref="EndpointKind.Http"/>: the API key of each caller role (always from environment variables), sent in
    /// <see cref="ApiKeyHeader"/> instead of <see cref="ApiKey"/> for the cases of that role, so the app authenticates each
    /// case as its caller. Empty when every case is sent with <see cref="ApiKey"/>.
    /// </summary>
    public IReadOnlyDictionary<string, ConfiguredString> CallerKeys { get; init; } = new Dictionary<string, ConfiguredString>();

    /// <summary>
    /// For <see cref="EndpointKind.Http"/>: the header that carries the synthetic user id of each case turn (memory
    /// stories run two users per case), such as <c>X-User-Id</c>; null when the target takes the user, if at all, from
    /// <c>{{user}}</c> in its body template. A target that is sent users is never cached: its answers depend on what
    /// the server remembers.
    /// </summary>
    public string? UserHeader { get; init; }

    /// <summary>
    /// For <see cref="EndpointKind.Http"/>: the path of the documents an answer says its retrieval step handed to the model
    /// (an array of ids, or of objects with <c>id</c> and optionally <c>title</c> and <c>classification</c>), such as
    /// <c>retrieved</c>; null when the answers report none (clearance is then judged on the answers only).
    /// </summary>
    public string? RetrievalsPath { get; init; }

    /// <summary>For <see cref="EndpointKind.Http"/>: the path of the retrievals in the events of a streamed answer, or null for <see cref="RetrievalsPath"/>.</summary>
    public string? StreamRetrievalsPath { get; init; }

    /// <summary>
    /// For <see cref="EndpointKind.Http"/>: headers that tell the app who the case's caller is, by name, each a template
    /// with <c>{{caller.role}}</c> and <c>{{caller.clearance}}</c> (the body template may use them too), in addition to
    /// <see cref="CallerKeys"/>. A target that is sent its callers is never cached.
    /// </summary>
    public IReadOnlyDictionary<string, string> CallerHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>For <see cref="EndpointKind.Http"/>: how stories write to the target's knowledge base, or null when they cannot.</summary>
    public EndpointKnowledgeBaseOptions? KnowledgeBase { get; init; }

    /// <summary>Timeouts, retries, rate and concurrency limits.</summary>
    public EndpointResilienceOptions Resilience { get; init; } = new();

    /// <summary>Whether answers are kept in the response cache.</summary>
    /// <value>The default value is true.</value>
    public bool Cache { get; init; } = true;

    /// <summary>Whether secrets may be sent over plain <c>http://</c> to a host other than this machine.</summary>
    /// <value>The default value is false.</value>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>What the serving-layer checks need to know (a read-only key, the rate-limited key, the plain-HTTP address), or null.</summary>
    public EndpointServingOptions? Serving { get; init; }

    /// <summary>
    /// The SHA-256 (hex) of a server certificate trusted although no trusted authority signed it (a test server's
    /// self-signed certificate), literal or <c>env:NAME</c>; null to trust only what the system trusts.
    /// </summary>
    public ConfiguredString? TlsCertificateSha256 { get; init; }

    /// <summary>Where the target is declared, "file:line:column", for messages.</summary>
    public string Source { get; init; } = "";
}
