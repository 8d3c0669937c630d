using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace SecureReqs.Mcp;

/// <summary>
/// A Model Context Protocol server as SecureReqs uses it: its tool descriptions for the tool-description check
/// (<see cref="IToolServer"/>), and its tools, each behind the target's tool policy, for a target's agent
/// (<see cref="ConnectAsync"/>). Register it so stories can name it:
/// <code>TargetRegistry.Shared.AddToolServer(new McpToolServer(McpServerEndpoint.Http("files", new Uri("https://mcp.example.com/mcp"))));</code>
/// </summary>
/// <remarks>Thread-safe. Each listing connects, lists and disconnects; the connections of an agent are owned by the
/// <see cref="McpConnection"/> it gets.</remarks>
public sealed class McpToolServer : IToolServer
{
    /// <summary>Creates the server.</summary>
    /// <param name="endpoint">How to reach it.</param>
    public McpToolServer(McpServerEndpoint endpoint)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
    }

    /// <summary>How to reach the server.</summary>
    public McpServerEndpoint Endpoint { get; }

    /// <inheritdoc />
    public string Name => Endpoint.Name;

    /// <inheritdoc />
    public string Description => Endpoint.Description;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ToolDescription>> ListToolsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(policy: null, cancellationToken).ConfigureAwait(false);
        return [.. connection.ProtocolTools.Select(t => new ToolDescription(t.Name, t.Description, t.InputSchema) { Title = t.Title })];
    }

    /// <summary>
    /// Connects to the server and lists its tools, each wrapped so that a call the policy forbids for the caller never
    /// reaches the server (<see cref="McpToolFunction"/>).
    /// </summary>
    /// <param name="policy">The target's tool policy; null only for listing (the tools then refuse every call).</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The open connection; dispose it to disconnect.</returns>
    /// <exception cref="SecureReqsException">The server cannot be reached or does not list its tools; the message names the server, never a secret.</exception>
    public async Task<McpConnection> ConnectAsync(ToolPolicy? policy, CancellationToken cancellationToken = default)
    {
        McpClient? client = null;
        try
        {
            client = await McpClient.CreateAsync(Endpoint.CreateTransport(), cancellationToken: cancellationToken).ConfigureAwait(false);
            var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var origin = new ToolOrigin(Endpoint.Origin);
            return new McpConnection(client, [.. tools.Select(t => t.ProtocolTool)], [.. tools.Select(t => (AIFunction)new McpToolFunction(t, policy, origin))]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (client is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }

            throw ex is SecureReqsException
                ? ex
                : new SecureReqsException($"{Description} could not be reached: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

}
