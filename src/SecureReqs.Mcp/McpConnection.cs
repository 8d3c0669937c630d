using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SecureReqs.Mcp;

/// <summary>An open connection to a Model Context Protocol server and the tools it lists, ready to offer to a model.</summary>
/// <remarks>Thread-safe: the tools may be called concurrently. Dispose to disconnect (a stdio server's process ends).</remarks>
public sealed class McpConnection : IAsyncDisposable
{
    private readonly McpClient _client;

    internal McpConnection(McpClient client, IReadOnlyList<Tool> protocolTools, IReadOnlyList<AIFunction> tools)
    {
        _client = client;
        ProtocolTools = protocolTools;
        Tools = tools;
    }

    /// <summary>The tools as the server listed them.</summary>
    public IReadOnlyList<Tool> ProtocolTools { get; }

    /// <summary>The tools as functions a model can be offered, each behind the tool policy (<see cref="McpToolFunction"/>).</summary>
    public IReadOnlyList<AIFunction> Tools { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
