using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SecureReqs.Mcp.Tests;

/// <summary>
/// A real MCP server (ModelContextProtocol.AspNetCore, Streamable HTTP) on 127.0.0.1 with an ephemeral port, serving
/// tools described by the test; it records every tool call it receives, so a test can prove a call never arrived.
/// </summary>
internal sealed class McpTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Tool, string Arguments)> _calls = new();

    private McpTestServer(WebApplication app) => _app = app;

    /// <summary>The MCP endpoint: http://127.0.0.1:port/mcp.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every tool call the server received, in arrival order.</summary>
    public IReadOnlyList<(string Tool, string Arguments)> Calls => [.. _calls];

    public static async Task<McpTestServer> StartAsync(params ToolDescription[] tools)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        McpTestServer? server = null;
        builder.Services.AddMcpServer()
            .WithHttpTransport()
            .WithTools(tools.Select(t => (McpServerTool)new ServedTool(t, (name, arguments) => server!._calls.Enqueue((name, arguments)))));
        var app = builder.Build();
        server = new McpTestServer(app);
        app.MapMcp("/mcp");
        await app.StartAsync();
        server.Url = new Uri(app.Urls.First().TrimEnd('/') + "/mcp");
        return server;
    }

    /// <summary>A tool with a name, description and input schema of the test's choosing.</summary>
    public static ToolDescription Tool(string name, string description, string schema = """{"type":"object","properties":{}}""") =>
        new(name, description, JsonDocument.Parse(schema).RootElement.Clone());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ServedTool(ToolDescription tool, Action<string, string> called) : McpServerTool
    {
        public override Tool ProtocolTool { get; } = new() { Name = tool.Name, Description = tool.Description, InputSchema = tool.InputSchema };

        public override IReadOnlyList<object> Metadata { get; } = [];

        public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
        {
            var arguments = JsonSerializer.Serialize(request.Params?.Arguments ?? new Dictionary<string, JsonElement>());
            called(tool.Name, arguments);
            return ValueTask.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = $"{tool.Name} done" }] });
        }
    }
}
