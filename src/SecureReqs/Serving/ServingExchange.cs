namespace SecureReqs;

/// <summary>
/// What one serving-layer request sent and what came back: the evidence of a serving check. Secrets are masked in
/// <see cref="Sent"/> and <see cref="Body"/>.
/// </summary>
public sealed record ServingExchange
{
    /// <summary>The request as sent, with every credential masked, such as <c>POST https://host/api/chat (X-Api-Key: [redacted])</c>.</summary>
    public required string Sent { get; init; }

    /// <summary>The HTTP status of the answer, or null when no HTTP answer came (see <see cref="Failure"/>).</summary>
    public int? Status { get; init; }

    /// <summary>The answer's headers that matter to the checks (<c>Location</c>, <c>WWW-Authenticate</c>, <c>Retry-After</c>,
    /// <c>Strict-Transport-Security</c>, <c>RateLimit-*</c>), name to value.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The start of the answer's body, secrets masked, or null.</summary>
    public string? Body { get; init; }

    /// <summary>Why no HTTP answer came, or null when one did.</summary>
    public ServingFailure? Failure { get; init; }

    /// <summary>The error's message when no HTTP answer came.</summary>
    public string? Error { get; init; }

    /// <summary>The tools the answer reports as having run (not those it reports denied, held or rejected); null when
    /// the answer was not a readable answer or the target does not say where its tool calls are.</summary>
    public IReadOnlyList<string>? ToolsRun { get; init; }

    /// <summary>One line: what was sent and what came back.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var answer = Status is { } status
            ? $"HTTP {status}{string.Concat(Headers.Select(h => $", {h.Key}: {h.Value}"))}{(ToolsRun is { Count: > 0 } run ? $", tools run: {string.Join(", ", run)}" : "")}"
            : $"no HTTP answer ({Failure switch { ServingFailure.Refused => "connection refused", ServingFailure.Closed => "connection closed without an answer", ServingFailure.TimedOut => "timed out", ServingFailure.Tls => "TLS failure", _ => "error" }}: {Error})";
        return $"{Sent} -> {answer}";
    }
}
