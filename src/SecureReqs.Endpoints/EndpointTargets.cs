using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// The targets of a <c>securereqs.json</c>, ready to register: each yields a chat client that calls the endpoint through
/// its resilience pipeline, with the response cache in front unless it is turned off.
/// <code>
/// using var endpoints = EndpointTargets.Create(SecureReqsConfiguration.Load("securereqs.json"));
/// endpoints.AddTo(TargetRegistry.Shared);
/// </code>
/// </summary>
/// <remarks>
/// Thread-safe. A target's connection (HTTP client, rate limit, concurrency limit) is built on first use and shared by
/// every scenario that uses the target, so the limits hold across stories running in parallel. Environment variables
/// for keys are read on first use: a missing one is an error naming the variable when a story uses the target.
/// Disposing releases the connections.
/// </remarks>
public sealed class EndpointTargets : ITargetProvider, IDisposable
{
    private readonly EndpointTargetSettings _settings;
    private readonly Dictionary<string, Lazy<EndpointConnection>> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EndpointTargetOptions> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ServingEndpoint> _serving = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EndpointKnowledgeBase> _knowledgeBases = new(StringComparer.OrdinalIgnoreCase);

    private EndpointTargets(SecureReqsConfiguration configuration, EndpointTargetSettings settings)
    {
        Configuration = configuration;
        _settings = settings;
        CacheDirectory = settings.UseCache ? Path.GetFullPath(settings.CacheDirectory ?? configuration.DefaultCacheDirectory) : null;
        if (settings.ReplayOnly && (CacheDirectory is null || !Directory.Exists(CacheDirectory)))
        {
            throw new SecureReqsException(CacheDirectory is null
                ? "--replay answers from the response cache, which --no-cache turns off. Drop one of them."
                : $"--replay answers only from the response cache, but {CacheDirectory} does not exist. Point --cache-dir at the cache folder of the run you replay.");
        }

        Cache = CacheDirectory is null ? null : new DiskResponseCache(CacheDirectory, settings.GetEnvironmentVariable);
        var definitions = new List<TargetDefinition>();
        foreach (var target in configuration.Targets)
        {
            _options[target.Name] = target;
            _connections[target.Name] = new Lazy<EndpointConnection>(() => new EndpointConnection(target, settings.TimeProvider, settings.GetEnvironmentVariable, settings.Concurrency));
            _serving[target.Name] = new ServingEndpoint(target, settings.GetEnvironmentVariable);
            if (target.KnowledgeBase is { } knowledgeBase)
            {
                _knowledgeBases[target.Name] = new EndpointKnowledgeBase(target, knowledgeBase, settings.GetEnvironmentVariable);
            }

            definitions.Add(Define(target));
        }

        Definitions = definitions;
    }

    /// <summary>The configuration the targets come from.</summary>
    public SecureReqsConfiguration Configuration { get; }

    /// <summary>The targets, in file order.</summary>
    public IReadOnlyList<TargetDefinition> Definitions { get; }

    /// <summary>The response cache folder, or null when the cache is off.</summary>
    public string? CacheDirectory { get; }

    /// <summary>The response cache, or null when it is off.</summary>
    public DiskResponseCache? Cache { get; }

    /// <summary>Gets a value indicating whether configured targets answer only from the response cache (a replay).</summary>
    public bool ReplayOnly => _settings.ReplayOnly;

    /// <summary>Builds the targets of <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="settings">The clock, cache and environment, or null for the defaults.</param>
    /// <returns>The targets.</returns>
    public static EndpointTargets Create(SecureReqsConfiguration configuration, EndpointTargetSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new EndpointTargets(configuration, settings ?? new EndpointTargetSettings());
    }

    /// <inheritdoc/>
    public string Package => EnvironmentTargetProvider.PackageName;

    /// <summary>
    /// The provider that adds the targets of the <c>securereqs.json</c> the environment names (<c>SECUREREQS_CONFIG</c>,
    /// else the file in the current folder) when stories run under <c>dotnet test</c>; register it before the stories run:
    /// <code>TargetRegistry.Shared.AddProvider(EndpointTargets.FromEnvironment());</code>
    /// </summary>
    /// <param name="time">The clock of the targets' rate limits and retries, or null for the system clock.</param>
    /// <param name="environment">Reads environment variables, or null for the process environment.</param>
    /// <returns>The provider.</returns>
    public static EnvironmentTargetProvider FromEnvironment(TimeProvider? time = null, Func<string, string?>? environment = null) => new(time, environment);

    /// <inheritdoc/>
    void ITargetProvider.AddTargets(TargetRegistry registry) => AddTo(registry);

    /// <inheritdoc/>
    void ITargetProvider.AddSemanticJudges(SemanticJudgeRegistry registry) => AddJudgesTo(registry);

    /// <summary>Registers every target in <paramref name="registry"/>, replacing targets of the same names.</summary>
    /// <param name="registry">The registry.</param>
    /// <returns>The registry.</returns>
    public TargetRegistry AddTo(TargetRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var definition in Definitions)
        {
            registry.Add(definition);
        }

        return registry;
    }

    /// <summary>Registers every semantic judge of the configuration in <paramref name="registry"/>, replacing judges of the same names.</summary>
    /// <param name="registry">The registry.</param>
    /// <returns>The registry.</returns>
    public SemanticJudgeRegistry AddJudgesTo(SemanticJudgeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var judge in Configuration.Judges)
        {
            registry.Add(judge);
        }

        return registry;
    }

    /// <summary>Whether <paramref name="name"/> is one of these targets.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when it is.</returns>
    public bool Contains(string name) => _connections.ContainsKey(name);

    /// <summary>Builds the target's connection now, so a missing environment variable is reported before any story runs.</summary>
    /// <param name="name">The target's name.</param>
    /// <exception cref="SecureReqsException">An environment variable the target needs is not set.</exception>
    public void Prepare(string name)
    {
        // A replay needs no key: nothing is sent.
        if (!_settings.ReplayOnly && _connections.TryGetValue(name, out var connection))
        {
            _ = connection.Value;
        }
    }

    /// <summary>Creates a chat client for the target (the same one its definition's factory creates).</summary>
    /// <param name="name">The target's name.</param>
    /// <returns>The client; dispose it when done (the shared connection stays open).</returns>
    /// <exception cref="SecureReqsException">No such target, or an environment variable it needs is not set.</exception>
    public IChatClient CreateClient(string name)
    {
        var target = OptionsOf(name);
        if (_settings.ReplayOnly)
        {
            return CreateReplayClient(name, CacheDirectory!);
        }

        var connection = _connections[target.Name].Value;
        var builder = new ChatClientBuilder(new EndpointChatClient(connection))
            .Use(inner => new ConfiguredRequestChatClient(inner, target, _knowledgeBases.GetValueOrDefault(target.Name)));
        if (Cache is { } cache && target.Cache)
        {
            builder.UseResponseCache(cache, target.Name, Scope(target), _settings.TimeProvider);
        }

        // ChatClientBuilder applies the first Use outermost: the configured prompt and options come before the cache.
        return builder.Build();
    }

    /// <summary>
    /// Creates a client for the target that answers only from the response cache in <paramref name="recording"/>: it
    /// needs no key, sends nothing, and a request the recording holds no answer for is an error ("not recorded").
    /// </summary>
    /// <param name="name">The target's name.</param>
    /// <param name="recording">The cache folder of the recorded run.</param>
    /// <returns>The client.</returns>
    /// <exception cref="SecureReqsException">No such target, it is never cached (a session, or "cache": false), or the folder does not exist.</exception>
    public IChatClient CreateReplayClient(string name, string recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var target = OptionsOf(name);
        if (!target.Cache)
        {
            throw new SecureReqsException($"The target \"{target.Name}\" is never cached (it keeps a session or says \"cache\": false), so a replay cannot answer for it. Run its stories without a recording.");
        }

        var folder = Path.GetFullPath(recording);
        if (!Directory.Exists(folder))
        {
            throw new SecureReqsException($"No recorded answers at {folder}: name the cache folder of the run to replay.");
        }

        var cache = Cache is { } own && string.Equals(CacheDirectory, folder, StringComparison.Ordinal) ? own : new DiskResponseCache(folder, _settings.GetEnvironmentVariable);
        return new ChatClientBuilder(new NotSentChatClient(target.Name, target.Endpoint, target.Model))
            .Use(inner => new ConfiguredRequestChatClient(inner, target))
            .UseResponseCache(cache, target.Name, Scope(target), _settings.TimeProvider, replayOnly: true)
            .Build();
    }

    private EndpointTargetOptions OptionsOf(string name) =>
        _options.TryGetValue(name, out var target) ? target : throw SecureReqsException.Unknown("target", name, _options.Keys);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var connection in _connections.Values.Where(c => c.IsValueCreated))
        {
            connection.Value.Dispose();
        }

        foreach (var serving in _serving.Values)
        {
            serving.Dispose();
        }

        foreach (var knowledgeBase in _knowledgeBases.Values)
        {
            knowledgeBase.Dispose();
        }
    }

    private TargetDefinition Define(EndpointTargetOptions target)
    {
        var secrets = new List<string>();
        string? broken = null;
        foreach (var secret in target.SystemPromptSecrets)
        {
            try
            {
                secrets.Add(secret.Resolve(_settings.GetEnvironmentVariable));
            }
            catch (SecureReqsException ex)
            {
                broken ??= ex.Message;
            }
        }

        var publicValues = new List<string>();
        foreach (var value in target.PublicValues)
        {
            try
            {
                publicValues.Add(value.Resolve(_settings.GetEnvironmentVariable));
            }
            catch (SecureReqsException ex)
            {
                broken ??= ex.Message;
            }
        }

        var display = new UriBuilder(target.Endpoint) { Query = "", Fragment = "" }.Uri;
        return new TargetDefinition(
            target.Name,
            target.Description ?? $"{(target.Kind == EndpointKind.OpenAI ? "OpenAI-compatible" : "HTTP JSON")} endpoint {display}{(target.Model is null ? "" : $" ({target.Model})")}",
            () => broken is null ? CreateClient(target.Name) : throw new SecureReqsException(broken))
        {
            SystemPrompt = target.SystemPrompt,
            ToolPolicy = target.ToolPolicy,
            SystemPromptSecrets = secrets,
            PublicValues = publicValues,
            RequestTimeout = Timeout.InfiniteTimeSpan,
            Kind = target.Kind == EndpointKind.OpenAI ? "openai" : "http",
            EndpointHost = target.Endpoint.Host,
            Model = target.Model,
            ReplayFactory = target.Cache ? recording => CreateReplayClient(target.Name, recording) : null,

            // A replay sends nothing, so it has no serving layer to probe: the serving-layer checks do not apply to it.
            Serving = _settings.ReplayOnly ? null : _serving[target.Name],

            // Nor does it write to a knowledge base.
            KnowledgeBase = _settings.ReplayOnly ? null : _knowledgeBases.GetValueOrDefault(target.Name),
            CanaryDocuments = target.KnowledgeBase?.CanaryDocuments ?? [],
            ReportsRetrievals = target.RetrievalsPath is not null,
        };
    }

    // What else decides an answer, for the cache key: a changed endpoint, template or path must not replay old answers.
    // The finish reason's and the stream's paths are added only when set, so the keys of targets without them stay as they were.
    private static string Scope(EndpointTargetOptions target) =>
        string.Join('\n', target.Kind, target.Endpoint, target.Method, target.Body?.ToJsonString(), target.ResponsePath, target.SendSystemPrompt)
        + (target.FinishReasonPath is { } finish ? "\nfinishReasonPath=" + finish : "")
        + (target.StreamTextPath != "choices.0.delta.content" || target.StreamFinishReasonPath != "choices.0.finish_reason" ? $"\nstream={target.StreamTextPath}|{target.StreamFinishReasonPath}" : "")
        + (target.ToolCallsPath is { } calls ? $"\ntoolCallsPath={calls}|{target.StreamToolCallsPath}" : "")
        + (target.ContextField is { } context ? "\ncontextField=" + context : "")
        + (target.RetrievalsPath is { } retrievals ? $"\nretrievalsPath={retrievals}|{target.StreamRetrievalsPath}" : "");
}
