using Microsoft.Extensions.AI;

namespace SecureReqs.Mcp;

/// <summary>
/// Offers the tools of Model Context Protocol servers to the model: on the first request it connects to each server and
/// lists its tools, and every request then carries them in <see cref="ChatOptions.Tools"/> (beside the request's own),
/// each behind the target's tool policy (<see cref="McpToolFunction"/>). Put it outside (before) <c>UseToolRecording</c>,
/// <c>UseToolPermissions</c> and <c>UseFunctionInvocation</c>, as the component that sets the tools.
/// </summary>
/// <remarks>
/// Thread-safe: concurrent requests share one connection per server. Fail-closed: a server that cannot be reached makes
/// every request fail with a <see cref="SecureReqsException"/> (an errored case, never a pass). Disposing disconnects.
/// </remarks>
public sealed class McpToolsChatClient : DelegatingChatClient
{
    private readonly IReadOnlyList<McpToolServer> _servers;
    private readonly ToolPolicy _policy;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private List<McpConnection>? _connections;
    private List<AITool>? _tools;
    private SecureReqsException? _failure;

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The rest of the pipeline.</param>
    /// <param name="policy">The target's tool policy (required: no call reaches a server without a policy that allows it).</param>
    /// <param name="servers">The servers the tools come from.</param>
    public McpToolsChatClient(IChatClient innerClient, ToolPolicy policy, IEnumerable<McpToolServer> servers)
        : base(innerClient)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _servers = [.. servers ?? throw new ArgumentNullException(nameof(servers))];
        if (_servers.Count == 0)
        {
            throw new ArgumentException("Name at least one MCP server.", nameof(servers));
        }
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await base.GetResponseAsync(messages, await WithToolsAsync(options, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var withTools = await WithToolsAsync(options, cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(messages, withTools, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private async Task<ChatOptions> WithToolsAsync(ChatOptions? options, CancellationToken cancellationToken)
    {
        var tools = await ToolsAsync(cancellationToken).ConfigureAwait(false);
        var withTools = options?.Clone() ?? new ChatOptions();
        withTools.Tools = [.. withTools.Tools ?? [], .. tools.Where(t => withTools.Tools?.Any(own => own.Name == t.Name) != true)];
        return withTools;
    }

    private async Task<IReadOnlyList<AITool>> ToolsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _tools) is { } ready)
        {
            return ready;
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_failure is not null)
            {
                throw _failure;
            }

            if (_tools is not null)
            {
                return _tools;
            }

            var connections = new List<McpConnection>();
            try
            {
                foreach (var server in _servers)
                {
                    connections.Add(await server.ConnectAsync(_policy, cancellationToken).ConfigureAwait(false));
                }
            }
            catch (SecureReqsException ex)
            {
                foreach (var connection in connections)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }

                _failure = ex;
                throw;
            }

            _connections = connections;
            Volatile.Write(ref _tools, [.. connections.SelectMany(c => c.Tools)]);
            return _tools;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Disposing a chat client is synchronous; the MCP client only disposes asynchronously.
            foreach (var connection in Interlocked.Exchange(ref _connections, null) ?? [])
            {
                connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            _connecting.Dispose();
        }

        base.Dispose(disposing);
    }
}
