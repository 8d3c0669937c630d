namespace SecureReqs;

/// <summary>
/// A server that offers tools to an agent, such as a Model Context Protocol server (<c>SecureReqs.Mcp</c>:
/// <c>McpToolServer</c>): the tool-description check lists what it offers and reads every description for instructions
/// aimed at the model. Register one with <see cref="TargetRegistry.AddToolServer"/>; stories name it.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IToolServer
{
    /// <summary>The name stories use, such as <c>files</c>.</summary>
    string Name { get; }

    /// <summary>What the server is, for messages and evidence, such as <c>MCP server "files" (stdio: npx)</c>; never a secret.</summary>
    string Description { get; }

    /// <summary>Connects to the server and lists every tool it offers, as the model would be shown them.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The tools, in the server's order.</returns>
    /// <exception cref="SecureReqsException">The server cannot be reached or does not answer; the message says why, without secrets.</exception>
    Task<IReadOnlyList<ToolDescription>> ListToolsAsync(CancellationToken cancellationToken = default);
}
