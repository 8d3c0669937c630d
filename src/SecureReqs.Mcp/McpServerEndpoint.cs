using ModelContextProtocol.Client;

namespace SecureReqs.Mcp;

/// <summary>
/// How to reach one Model Context Protocol server: a command started over stdio (with its arguments and environment),
/// an HTTP endpoint (Streamable HTTP, or server-sent events for older servers, with its headers), or a transport made in
/// code (an in-process stream pair). Values that may be secrets (environment variables, headers) are read when the
/// server is connected, through the functions given, and never appear in messages.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class McpServerEndpoint
{
    private readonly Func<IClientTransport> _transport;

    private McpServerEndpoint(string name, string shown, Func<IClientTransport> transport)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Shown = shown;
        _transport = transport;
    }

    /// <summary>The name stories use, such as <c>files</c>.</summary>
    public string Name { get; }

    /// <summary>The server as evidence names it, such as <c>MCP server "files"</c>.</summary>
    public string Origin => $"MCP server \"{Name}\"";

    /// <summary>The server with its transport, for messages: <c>MCP server "files" (stdio: npx)</c>; never a secret.</summary>
    public string Description => $"{Origin} ({Shown})";

    private string Shown { get; }

    /// <summary>A server started as a process that speaks MCP over its standard input and output.</summary>
    /// <param name="name">The name stories use.</param>
    /// <param name="command">The command, such as <c>npx</c> or a path.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Environment variables to set for it, each read when the server is started; null for none.</param>
    /// <param name="workingDirectory">Its working folder, or null for the current one.</param>
    /// <returns>The endpoint.</returns>
    public static McpServerEndpoint Stdio(string name, string command, IReadOnlyList<string>? arguments = null, IReadOnlyDictionary<string, Func<string>>? environment = null, string? workingDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return new McpServerEndpoint(name, $"stdio: {Path.GetFileName(command)}", () => new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = name,
            Command = command,
            Arguments = [.. arguments ?? []],
            WorkingDirectory = workingDirectory,
            EnvironmentVariables = environment?.ToDictionary(e => e.Key, e => (string?)e.Value(), StringComparer.Ordinal),
        }));
    }

    /// <summary>A server reached over HTTP (Streamable HTTP, falling back to server-sent events).</summary>
    /// <param name="name">The name stories use.</param>
    /// <param name="url">The server's MCP endpoint.</param>
    /// <param name="headers">Headers to send with every request (an <c>Authorization</c> header, an API key), each read when the server is connected; null for none.</param>
    /// <param name="connectionTimeout">How long connecting may take; null for 30 seconds.</param>
    /// <returns>The endpoint.</returns>
    public static McpServerEndpoint Http(string name, Uri url, IReadOnlyDictionary<string, Func<string>>? headers = null, TimeSpan? connectionTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new McpServerEndpoint(name, $"http: {url.Host}{(url.IsDefaultPort ? "" : ":" + url.Port)}", () => new HttpClientTransport(new HttpClientTransportOptions
        {
            Name = name,
            Endpoint = url,
            AdditionalHeaders = headers?.ToDictionary(h => h.Key, h => h.Value(), StringComparer.OrdinalIgnoreCase),
            ConnectionTimeout = connectionTimeout ?? TimeSpan.FromSeconds(30),
        }));
    }

    /// <summary>A server reached through a transport made in code, such as a <c>StreamClientTransport</c> over an in-process pipe.</summary>
    /// <param name="name">The name stories use.</param>
    /// <param name="transport">Creates a fresh transport for each connection.</param>
    /// <param name="shown">How messages show the transport, such as <c>in-process</c>.</param>
    /// <returns>The endpoint.</returns>
    public static McpServerEndpoint FromTransport(string name, Func<IClientTransport> transport, string shown = "in-process")
    {
        ArgumentNullException.ThrowIfNull(transport);
        return new McpServerEndpoint(name, shown, transport);
    }

    /// <summary>Creates the transport for one connection.</summary>
    /// <returns>The transport.</returns>
    /// <exception cref="SecureReqsException">A value it needs (an environment variable) is not set.</exception>
    public IClientTransport CreateTransport() => _transport();

    /// <inheritdoc />
    public override string ToString() => Description;
}
