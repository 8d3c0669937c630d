using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// The targets stories can name. Register the app's own pipeline in code, once, before the stories run:
/// <code>TargetRegistry.Shared.Add("support-assistant", () => MyApp.CreateChatClient());</code>
/// </summary>
/// <remarks>Thread-safe. Names are case-insensitive. A later registration under the same name replaces the earlier one.</remarks>
public sealed class TargetRegistry
{
    private readonly ConcurrentDictionary<string, TargetDefinition> _targets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ITargetProvider> _providers = [];
    private readonly ConcurrentDictionary<string, IToolServer> _toolServers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The process-wide registry that the step bindings use unless a host supplies its own.</summary>
    public static TargetRegistry Shared { get; } = new();

    /// <summary>Every registered target, by name.</summary>
    public IReadOnlyList<TargetDefinition> All => [.. _targets.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The providers whose targets are added when stories name a target, in the order they were added.</summary>
    public IReadOnlyList<ITargetProvider> Providers
    {
        get
        {
            lock (_providers)
            {
                return [.. _providers];
            }
        }
    }

    /// <summary>
    /// Registers a package's targets (<c>DemoTargets.Provider</c>, <c>EndpointTargets.FromEnvironment()</c>): the step
    /// bindings add them when a story names a target. Adding a provider already registered does nothing, so a
    /// <c>[BeforeTestRun]</c> hook may run more than once in a process.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>This registry.</returns>
    public TargetRegistry AddProvider(ITargetProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        lock (_providers)
        {
            if (!_providers.Contains(provider))
            {
                _providers.Add(provider);
            }
        }

        return this;
    }

    /// <summary>Adds the targets of every registered provider (<see cref="Providers"/>) to this registry.</summary>
    /// <returns>This registry.</returns>
    /// <exception cref="SecureReqsException">A provider's source is malformed.</exception>
    public TargetRegistry AddProvidedTargets()
    {
        foreach (var provider in Providers)
        {
            provider.AddTargets(this);
        }

        return this;
    }

    /// <summary>Registers a target created by <paramref name="factory"/> for each scenario that uses it.</summary>
    /// <param name="name">The name stories use.</param>
    /// <param name="factory">Creates the client.</param>
    /// <param name="description">One line saying what it is.</param>
    /// <param name="systemPrompt">The target's system prompt, when known.</param>
    /// <returns>This registry.</returns>
    public TargetRegistry Add(string name, Func<IChatClient> factory, string? description = null, string? systemPrompt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        _targets[name] = new TargetDefinition(name, description ?? "registered in code", factory) { SystemPrompt = systemPrompt };
        return this;
    }

    /// <summary>Registers a client instance shared by every scenario that uses it.</summary>
    /// <param name="name">The name stories use.</param>
    /// <param name="client">The client.</param>
    /// <param name="description">One line saying what it is.</param>
    /// <returns>This registry.</returns>
    public TargetRegistry Add(string name, IChatClient client, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(client);
        return Add(new TargetDefinition(name, description ?? "registered in code", () => client) { DisposeAfterUse = false });
    }

    /// <summary>Registers a definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>This registry.</returns>
    public TargetRegistry Add(TargetDefinition definition)
    {
        _targets[definition.Name] = definition;
        return this;
    }

    /// <summary>Every registered tool server (such as an MCP server), by name.</summary>
    public IReadOnlyList<IToolServer> ToolServers => [.. _toolServers.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Registers a tool server stories can name ("the tool descriptions of the MCP server "files" …"); a later
    /// registration under the same name replaces the earlier one.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <returns>This registry.</returns>
    public TargetRegistry AddToolServer(IToolServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _toolServers[server.Name] = server;
        return this;
    }

    /// <summary>Finds a tool server by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The server.</returns>
    /// <exception cref="SecureReqsException">No server has that name; the message lists the known ones.</exception>
    public IToolServer GetToolServer(string name) =>
        _toolServers.TryGetValue(name, out var server)
            ? server
            : throw SecureReqsException.Unknown("MCP server", name, _toolServers.Keys, "Declare it under \"mcpServers\" in securereqs.json, or register it in code with TargetRegistry.Shared.AddToolServer(new McpToolServer(...)); see docs/agents.md.");

    /// <summary>Whether a target has that name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when registered.</returns>
    public bool Contains(string name) => _targets.ContainsKey(name);

    /// <summary>Finds a target by name, or null.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The definition, or null when no target has that name.</returns>
    public TargetDefinition? Find(string name) => _targets.TryGetValue(name, out var target) ? target : null;

    /// <summary>Finds a target by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="SecureReqsException">No target has that name; the message lists the known ones.</exception>
    public TargetDefinition Get(string name) =>
        _targets.TryGetValue(name, out var target)
            ? target
            : throw SecureReqsException.Unknown("target", name, _targets.Keys, "Register your own with TargetRegistry.Shared.Add(\"name\", () => yourChatClient) or see README.md.");
}
