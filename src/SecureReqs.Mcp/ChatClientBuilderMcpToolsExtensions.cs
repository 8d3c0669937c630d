using SecureReqs;
using SecureReqs.Mcp;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="McpToolsChatClient"/> to a chat client pipeline.</summary>
public static class ChatClientBuilderMcpToolsExtensions
{
    /// <summary>
    /// Offers the tools of Model Context Protocol servers to the model, each behind <paramref name="policy"/>: a call the
    /// policy forbids for the request's caller is never sent to the server (see <see cref="McpToolFunction"/>).
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="policy">The target's tool policy.</param>
    /// <param name="servers">The servers.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <remarks>Put it first (outermost): before <c>UseToolRecording</c>, <c>UseToolPermissions</c> and <c>UseFunctionInvocation</c>.</remarks>
    public static ChatClientBuilder UseMcpTools(this ChatClientBuilder builder, ToolPolicy policy, params McpServerEndpoint[] servers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(servers);
        return builder.UseMcpTools(policy, servers.Select(s => new McpToolServer(s)));
    }

    /// <summary>Offers the tools of registered MCP servers to the model, each behind <paramref name="policy"/>.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="policy">The target's tool policy.</param>
    /// <param name="servers">The servers.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseMcpTools(this ChatClientBuilder builder, ToolPolicy policy, IEnumerable<McpToolServer> servers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        var list = servers?.ToList() ?? throw new ArgumentNullException(nameof(servers));
        return builder.Use(inner => new McpToolsChatClient(inner, policy, list));
    }
}
