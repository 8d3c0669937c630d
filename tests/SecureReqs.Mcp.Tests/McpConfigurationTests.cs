using System.Text;
using SecureReqs.Endpoints;

namespace SecureReqs.Mcp.Tests;

public sealed class McpConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("securereqs-mcp-").FullName;

    public McpConfigurationTests()
    {
        File.WriteAllText(Path.Combine(_folder, "tool-policy.json"), """{ "schema": "securereqs.tool-policy/v1", "roles": { "customer": { "tools": { "read_help_article": {} } } } }""");
    }

    [Fact]
    public void Load_ServersAndATargetTakingTheirTools_RegistersTheServersAndAWhiteBoxTarget()
    {
        var configuration = Parse("""
            {
              "mcpServers": {
                "files": { "command": "npx", "args": ["-y", "files-server"], "env": { "FILES_ROOT": "/srv/help", "FILES_TOKEN": "env:FILES_TOKEN" } },
                "crm": { "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "env:CRM_MCP_TOKEN" }, "timeoutSeconds": 10 }
              },
              "targets": {
                "support-agent": { "kind": "openai", "endpoint": "https://api.example.com/v1", "model": "m", "toolPolicy": "tool-policy.json", "mcpServers": ["files", "crm"] }
              }
            }
            """);
        var registry = new TargetRegistry();

        using var targets = EndpointTargets.Create(configuration, new EndpointTargetSettings { UseCache = false });
        targets.AddTo(registry);

        registry.ToolServers.Select(s => s.Description).Should().Equal("MCP server \"crm\" (http: mcp.example.com)", "MCP server \"files\" (stdio: npx)");
        configuration.McpServers[0].Environment.Select(e => (e.Name, e.Value.ToString())).Should().Equal(("FILES_ROOT", "/srv/help"), ("FILES_TOKEN", "env:FILES_TOKEN"));
        var target = registry.Get("support-agent");
        target.WhiteBox.Should().BeTrue();
        target.ReplayFactory.Should().BeNull();
        target.Description.Should().EndWith("with the tools of MCP servers files, crm");
    }

    [Theory]
    [InlineData("""{ "mcpServers": { "files": { "command": "npx" } }, "targets": { "a": { "kind": "openai", "endpoint": "https://api.example.com/v1", "model": "m", "toolPolicy": "tool-policy.json", "mcpServers": ["flies"] } } }""", "$.targets.a.mcpServers[0]: no MCP server \"flies\" is declared. Did you mean \"files\"?")]
    [InlineData("""{ "mcpServers": { "files": { "command": "npx" } }, "targets": { "a": { "kind": "openai", "endpoint": "https://api.example.com/v1", "model": "m", "mcpServers": ["files"] } } }""", "$.targets.a.mcpServers: a target that takes tools from MCP servers needs a \"toolPolicy\"")]
    [InlineData("""{ "mcpServers": { "files": { "command": "npx" } }, "targets": { "a": { "kind": "http", "endpoint": "https://app.example.com/chat", "toolPolicy": "tool-policy.json", "mcpServers": ["files"] } } }""", "$.targets.a.mcpServers: a target of kind \"http\" is an app that calls its own tools")]
    [InlineData("""{ "mcpServers": { "files": { "command": "npx", "url": "https://x.example/mcp" } } }""", "$.mcpServers.files: the MCP server gives both \"command\" and \"url\"")]
    [InlineData("""{ "mcpServers": { "files": { } } }""", "$.mcpServers.files: the MCP server says neither how to start it nor where it listens")]
    [InlineData("""{ "mcpServers": { "files": { "command": "npx", "env": { "API_TOKEN": "abc123" } } } }""", "$.mcpServers.files.env.API_TOKEN: a secret is written in the file")]
    [InlineData("""{ "mcpServers": { "crm": { "url": "http://mcp.example.com/mcp", "headers": { "Authorization": "env:T" } } } }""", "$.mcpServers.crm.url: the MCP server mcp.example.com is plain http on another machine")]
    [InlineData("""{ "mcpServers": { "crm": { "url": "https://mcp.example.com/mcp", "args": ["x"] } } }""", "$.mcpServers.crm.args: \"args\" applies to an MCP server started over stdio")]
    public void Load_MalformedMcpDeclaration_NamesTheFileThePathAndTheFix(string json, string expected)
    {
        var load = () => Parse(json);

        load.Should().Throw<SecureReqsException>().Which.Message.Should().StartWith(Path.Combine(_folder, "securereqs.json") + ":").And.Contain(expected).And.NotContain("abc123");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SecureReqsConfiguration Parse(string json) => SecureReqsConfiguration.Parse(Encoding.UTF8.GetBytes(json), Path.Combine(_folder, "securereqs.json"));
}
