using SecureReqs.Mcp;

namespace SecureReqs.Endpoints;

/// <summary>
/// A Model Context Protocol server declared under <c>mcpServers</c> in <c>securereqs.json</c>: a command started over
/// stdio (<see cref="Command"/>) or an HTTP endpoint (<see cref="Url"/>). Targets name it in their <c>mcpServers</c> to
/// take its tools; stories name it to check its tool descriptions.
/// </summary>
public sealed class McpServerDeclaration
{
    /// <summary>The name targets and stories use.</summary>
    public required string Name { get; init; }

    /// <summary>One line saying what it is, or null.</summary>
    public string? Description { get; init; }

    /// <summary>For a stdio server: the command; null for an HTTP server.</summary>
    public string? Command { get; init; }

    /// <summary>For a stdio server: the command's arguments.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>For a stdio server: environment variables to set for it (values literal or <c>env:NAME</c>).</summary>
    public IReadOnlyList<(string Name, ConfiguredString Value)> Environment { get; init; } = [];

    /// <summary>For a stdio server: its working folder (resolved against the configuration's folder), or null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>For an HTTP server: its MCP endpoint; null for a stdio server.</summary>
    public Uri? Url { get; init; }

    /// <summary>For an HTTP server: headers sent with every request (secrets as <c>env:NAME</c>).</summary>
    public IReadOnlyList<EndpointHeader> Headers { get; init; } = [];

    /// <summary>For an HTTP server: how long connecting may take.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where it is declared, "file:line:column", for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>The endpoint SecureReqs connects to; values from environment variables are read when it connects.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The endpoint.</returns>
    public McpServerEndpoint ToEndpoint(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Url is { } url
            ? McpServerEndpoint.Http(Name, url, Headers.ToDictionary(h => h.Name, h => (Func<string>)(() => h.Value.Resolve(environment)), StringComparer.OrdinalIgnoreCase), ConnectionTimeout)
            : McpServerEndpoint.Stdio(Name, Command!, Arguments, Environment.ToDictionary(e => e.Name, e => (Func<string>)(() => e.Value.Resolve(environment)), StringComparer.Ordinal), WorkingDirectory);
    }
}
