using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecureReqs.Endpoints;

/// <summary>Checks a parsed <c>securereqs.json</c> property by property and builds the options; every error names the place and the fix.</summary>
internal sealed partial class ConfigurationReader(JsonSource source, string baseDirectory)
{
    /// <summary>The properties of the file's top-level object.</summary>
    public static readonly string[] TopProperties = ["$schema", "cacheDirectory", "targets", "judges", "mcpServers"];

    /// <summary>The properties of an MCP server under <c>mcpServers</c>.</summary>
    public static readonly string[] McpServerProperties = ["description", "command", "args", "env", "workingDirectory", "url", "headers", "allowInsecureHttp", "timeoutSeconds"];

    /// <summary>The properties of a semantic judge under <c>judges</c>.</summary>
    public static readonly string[] JudgeProperties = ["target", "calibration", "minimumAccuracy", "maxConcurrency"];

    /// <summary>The properties every target may have.</summary>
    public static readonly string[] CommonTargetProperties =
    [
        "kind", "description", "endpoint", "model", "apiKey", "headers", "systemPrompt", "systemPromptFile",
        "systemPromptSecrets", "publicValues", "sendSystemPrompt", "options", "resilience", "cache", "allowInsecureHttp",
        "toolPolicy", "serving", "tlsCertificateSha256", "mcpServers",
    ];

    /// <summary>The properties of a target's <c>serving</c>.</summary>
    public static readonly string[] ServingProperties = ["readOnlyKey", "rateLimitKey", "plainHttpEndpoint"];

    /// <summary>The properties only targets of kind <c>http</c> may have.</summary>
    public static readonly string[] HttpTargetProperties = ["method", "body", "responsePath", "finishReasonPath", "usage", "apiKeyHeader", "session", "stream", "toolCallsPath", "contextField", "callerKeys", "userHeader", "callerHeaders", "retrievalsPath", "knowledgeBase"];

    /// <summary>The properties of an http target's <c>knowledgeBase</c>.</summary>
    public static readonly string[] KnowledgeBaseProperties = ["add", "remove", "canaryDocuments"];

    /// <summary>The properties of a <c>knowledgeBase.add</c> or <c>knowledgeBase.remove</c> that sends an HTTP request.</summary>
    public static readonly string[] KnowledgeBaseRequestProperties = ["method", "url", "headers", "body", "idPath"];

    /// <summary>The properties of a <c>knowledgeBase.add</c> or <c>knowledgeBase.remove</c> that runs a command.</summary>
    public static readonly string[] KnowledgeBaseCommandProperties = ["command", "args", "idPath"];

    /// <summary>The properties of an http target's <c>session</c>.</summary>
    public static readonly string[] SessionProperties = ["idPath", "cookie", "header"];

    /// <summary>The properties of an http target's <c>stream</c>.</summary>
    public static readonly string[] StreamProperties = ["textPath", "finishReasonPath", "toolCallsPath", "retrievalsPath"];

    /// <summary>The properties of a target's <c>options</c>.</summary>
    public static readonly string[] OptionsProperties = ["temperature", "maxOutputTokens", "seed"];

    /// <summary>The properties of a target's <c>resilience</c>.</summary>
    public static readonly string[] ResilienceProperties = ["timeoutSeconds", "maxRetries", "retryDelaySeconds", "maxRetryAfterSeconds", "requestsPerMinute", "maxConcurrentRequests"];

    /// <summary>The properties of an http target's <c>usage</c>.</summary>
    public static readonly string[] UsageProperties = ["inputTokens", "outputTokens", "totalTokens"];

    /// <summary>The placeholders a body template may use.</summary>
    public static readonly string[] Placeholders = ["messages", "prompt", "systemPrompt", "model", "session", "user", "caller.role", "caller.clearance"];

    /// <summary>The placeholders a caller header may use.</summary>
    public static readonly string[] CallerPlaceholders = ["caller.role", "caller.clearance"];

    private List<McpServerDeclaration> _mcpServers = [];

    private static readonly string[] SecretHeaderWords = ["authorization", "api-key", "apikey", "api_key", "token", "secret", "password", "cookie", "x-api-key"];

    public SecureReqsConfiguration Read()
    {
        var root = source.Document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw source.Error("$", "the file must hold a JSON object: { \"targets\": { \"<name>\": { ... } } }.");
        }

        AllowOnly(root, "$", TopProperties, "the file");
        string? cacheDirectory = null;
        if (Optional(root, "$", "cacheDirectory", JsonValueKind.String) is { } cache)
        {
            var text = cache.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw source.Error("$.cacheDirectory", "the cache folder is empty. Name a folder, such as \".securereqs/cache\", or remove the property.");
            }

            cacheDirectory = Path.GetFullPath(Path.Combine(baseDirectory, text));
        }

        var mcpServers = new List<McpServerDeclaration>();
        if (Optional(root, "$", "mcpServers", JsonValueKind.Object) is { } servers)
        {
            foreach (var property in servers.EnumerateObject())
            {
                mcpServers.Add(ReadMcpServer(property.Name, property.Value, JsonSource.Child("$.mcpServers", property.Name)));
            }
        }

        _mcpServers = mcpServers;

        var targets = new List<EndpointTargetOptions>();
        if (Optional(root, "$", "targets", JsonValueKind.Object) is { } declared)
        {
            foreach (var property in declared.EnumerateObject())
            {
                targets.Add(ReadTarget(property.Name, property.Value, JsonSource.Child("$.targets", property.Name)));
            }
        }

        var judges = new List<SemanticJudgeDefinition>();
        if (Optional(root, "$", "judges", JsonValueKind.Object) is { } judgesDeclared)
        {
            foreach (var property in judgesDeclared.EnumerateObject())
            {
                judges.Add(ReadJudge(property.Name, property.Value, JsonSource.Child("$.judges", property.Name)));
            }
        }

        return new SecureReqsConfiguration { FilePath = source.File, Targets = targets, CacheDirectory = cacheDirectory, Judges = judges, McpServers = mcpServers };
    }

    private McpServerDeclaration ReadMcpServer(string name, JsonElement server, string path)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim() != name)
        {
            throw source.Error(path, $"the MCP server name \"{name}\" is empty or has spaces at its ends. Name it as targets and stories will: \"files\".", atName: true);
        }

        if (server.ValueKind != JsonValueKind.Object)
        {
            throw source.Error(path, "an MCP server is an object: { \"command\": \"npx\", \"args\": [\"-y\", \"<package>\"] } for a server over stdio, or { \"url\": \"https://mcp.example.com/mcp\" } for one over HTTP.");
        }

        AllowOnly(server, path, McpServerProperties, $"the MCP server \"{name}\"");
        var command = OptionalString(server, path, "command");
        var url = OptionalString(server, path, "url");
        if ((command is null) == (url is null))
        {
            throw source.Error(path, command is null
                ? "the MCP server says neither how to start it nor where it listens. Add \"command\" (and \"args\") for a server over stdio, or \"url\" for one over HTTP."
                : "the MCP server gives both \"command\" and \"url\". Keep \"command\" for a server SecureReqs starts over stdio, or \"url\" for one that listens over HTTP.");
        }

        var description = OptionalString(server, path, "description");
        if (command is not null)
        {
            foreach (var httpOnly in new[] { "headers", "allowInsecureHttp", "timeoutSeconds" }.Where(p => server.TryGetProperty(p, out _)))
            {
                throw source.Error(JsonSource.Child(path, httpOnly), $"\"{httpOnly}\" applies to an MCP server over HTTP (\"url\"); this one is started over stdio (\"command\"). Remove it.");
            }

            if (string.IsNullOrWhiteSpace(command))
            {
                throw source.Error(JsonSource.Child(path, "command"), "the command is empty. Write the program that starts the server, such as \"npx\" or \"./tools/mcp-server\".");
            }

            var arguments = new List<string>();
            if (Optional(server, path, "args", JsonValueKind.Array) is { } args)
            {
                var i = 0;
                foreach (var item in args.EnumerateArray())
                {
                    arguments.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw source.Error(JsonSource.Item(JsonSource.Child(path, "args"), i), $"an argument must be a string, not {EndpointAnswers.Describe(item)}."));
                    i++;
                }
            }

            var environment = new List<(string, ConfiguredString)>();
            if (Optional(server, path, "env", JsonValueKind.Object) is { } env)
            {
                foreach (var variable in env.EnumerateObject())
                {
                    var variablePath = JsonSource.Child(JsonSource.Child(path, "env"), variable.Name);
                    if (!VariableName().IsMatch(variable.Name))
                    {
                        throw source.Error(variablePath, $"\"{variable.Name}\" is not an environment variable name. Use letters, digits and underscores.", atName: true);
                    }

                    var secret = SecretHeaderWords.Concat(["key", "pass"]).Any(w => variable.Name.Contains(w, StringComparison.OrdinalIgnoreCase));
                    environment.Add((variable.Name, Configured(variable.Value, variablePath, secretOnly: secret)));
                }
            }

            var workingDirectory = OptionalString(server, path, "workingDirectory") is { } folder ? Path.GetFullPath(Path.Combine(baseDirectory, folder)) : null;
            return new McpServerDeclaration
            {
                Name = name,
                Description = description,
                Command = command,
                Arguments = arguments,
                Environment = environment,
                WorkingDirectory = workingDirectory,
                Source = source.Where(path),
            };
        }

        foreach (var stdioOnly in new[] { "args", "env", "workingDirectory" }.Where(p => server.TryGetProperty(p, out _)))
        {
            throw source.Error(JsonSource.Child(path, stdioOnly), $"\"{stdioOnly}\" applies to an MCP server started over stdio (\"command\"); this one listens over HTTP (\"url\"). Remove it.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw source.Error(JsonSource.Child(path, "url"), $"\"{url}\" is not an http:// or https:// URL. Write the server's MCP endpoint, such as \"https://mcp.example.com/mcp\".");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw source.Error(JsonSource.Child(path, "url"), "the URL holds a user name or password. Remove them and send credentials in \"headers\": { \"Authorization\": \"env:NAME\" }.");
        }

        var headers = ReadHeaders(server, path);
        var allowInsecure = OptionalBool(server, path, "allowInsecureHttp") ?? false;
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecure && headers.Any(h => h.Value.IsSecret))
        {
            throw source.Error(JsonSource.Child(path, "url"), $"the MCP server {uri.Host} is plain http on another machine, and SecureReqs would send it a secret header. Use https://, or set \"allowInsecureHttp\": true if the network is trusted.");
        }

        return new McpServerDeclaration
        {
            Name = name,
            Description = description,
            Url = uri,
            Headers = headers,
            ConnectionTimeout = TimeSpan.FromSeconds(OptionalNumber(server, path, "timeoutSeconds", 1, 600) ?? 30),
            Source = source.Where(path),
        };
    }

    // A target's "mcpServers": the names of servers declared at the top, for an OpenAI-compatible target with a tool policy.
    private List<string> ReadTargetMcpServers(JsonElement target, string path, EndpointKind kind, ToolPolicy? policy)
    {
        var declared = _mcpServers;
        var names = new List<string>();
        if (Optional(target, path, "mcpServers", JsonValueKind.Array) is not { } list)
        {
            return names;
        }

        var at = JsonSource.Child(path, "mcpServers");
        if (kind != EndpointKind.OpenAI)
        {
            throw source.Error(at, "a target of kind \"http\" is an app that calls its own tools, so SecureReqs cannot give it an MCP server's tools. Declare \"toolPolicy\" and \"toolCallsPath\" to judge the calls its answers report, and check the server's descriptions with 'Then the tool descriptions of the MCP server \"<name>\" carry no injected instructions'.");
        }

        if (policy is null)
        {
            throw source.Error(at, "a target that takes tools from MCP servers needs a \"toolPolicy\": SecureReqs never sends a tool call to a server without a policy that allows it. Add \"toolPolicy\": \"tool-policy.json\" (format in docs/agents.md).");
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = JsonSource.Item(at, i++);
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw source.Error(itemPath, $"expected the name of a server declared under \"mcpServers\", not {EndpointAnswers.Describe(item)}.");
            if (!declared.Any(s => s.Name == name))
            {
                var suggestion = Suggestions.Nearest(name, [.. declared.Select(s => s.Name)], 1).FirstOrDefault();
                throw source.Error(itemPath, $"no MCP server \"{name}\" is declared.{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")} Declare it at the top of the file: \"mcpServers\": {{ \"{name}\": {{ \"url\": \"<the MCP server's URL>\" }} }}{(declared.Count == 0 ? "" : $"; declared: {string.Join(", ", declared.Select(s => s.Name))}")}.");
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                throw source.Error(itemPath, $"\"{name}\" is listed twice. Keep one.");
            }

            names.Add(name);
        }

        return names;
    }

    private SemanticJudgeDefinition ReadJudge(string name, JsonElement judge, string path)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim() != name)
        {
            throw source.Error(path, $"the judge name \"{name}\" is empty or has spaces at its ends. Name it as stories will: \"policy-judge\".", atName: true);
        }

        if (judge.ValueKind != JsonValueKind.Object)
        {
            throw source.Error(path, "a judge must be an object: { \"target\": \"<a target serving the judging model>\", \"calibration\": \"<a calibration dataset>\" }.");
        }

        AllowOnly(judge, path, JudgeProperties, $"the judge \"{name}\"");
        var target = Required(judge, path, "target", JsonValueKind.String, "\"judge-model\" (a target, declared under \"targets\" or in code, that serves the judging model)").GetString()!;
        var calibration = Required(judge, path, "calibration", JsonValueKind.String, "\"judge-calibration\" (a dataset of labelled answers, see docs/judges.md)").GetString()!;
        if (string.IsNullOrWhiteSpace(target) || string.IsNullOrWhiteSpace(calibration))
        {
            throw source.Error(path, "\"target\" and \"calibration\" must name a target and a dataset.");
        }

        return new SemanticJudgeDefinition(name, target, calibration)
        {
            MinimumAccuracy = OptionalNumber(judge, path, "minimumAccuracy", 0.5000001, 1) ?? JudgeCalibration.DefaultMinimumAccuracy,
            MaxConcurrency = (int)(OptionalNumber(judge, path, "maxConcurrency", 1, 256, integer: true) ?? 4),
        };
    }

    private EndpointTargetOptions ReadTarget(string name, JsonElement target, string path)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim() != name)
        {
            throw source.Error(path, $"the target name \"{name}\" is empty or has spaces at its ends. Name it as stories will: \"staging-assistant\".", atName: true);
        }

        if (name.StartsWith("demo:", StringComparison.OrdinalIgnoreCase))
        {
            throw source.Error(path, $"the name \"{name}\" is reserved for the built-in demo targets. Choose another name.", atName: true);
        }

        if (target.ValueKind != JsonValueKind.Object)
        {
            throw source.Error(path, $"a target is an object, not {EndpointAnswers.Describe(target)}: {{ \"kind\": \"openai\", \"endpoint\": \"<your endpoint URL>\", \"model\": \"...\" }}.");
        }

        var kindElement = Required(target, path, "kind", JsonValueKind.String, "\"openai\" or \"http\"");
        var kind = kindElement.GetString() switch
        {
            "openai" => EndpointKind.OpenAI,
            "http" => EndpointKind.Http,
            var other => throw source.Error(JsonSource.Child(path, "kind"), $"unknown kind \"{other}\". Known kinds: \"openai\" (an OpenAI-compatible chat-completions endpoint), \"http\" (a generic JSON endpoint)."),
        };
        AllowOnly(target, path, kind == EndpointKind.Http ? [.. CommonTargetProperties, .. HttpTargetProperties] : CommonTargetProperties, $"a target of kind \"{kindElement.GetString()}\"");

        var endpoint = ReadEndpoint(target, path);
        var model = OptionalString(target, path, "model");
        if (kind == EndpointKind.OpenAI && model is null)
        {
            throw source.Error(path, "a target of kind \"openai\" needs a \"model\", such as \"gpt-4o-mini\" or the name your server gives the model.");
        }

        var apiKey = ReadApiKey(target, path);
        var headers = ReadHeaders(target, path);
        var allowInsecure = OptionalBool(target, path, "allowInsecureHttp") ?? false;
        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !allowInsecure && (apiKey is not null || headers.Any(h => h.Value.IsSecret)))
        {
            throw source.Error(JsonSource.Child(path, "endpoint"), $"the endpoint {endpoint} is plain http on another machine, and the target sends a secret. Use https://, or set \"allowInsecureHttp\": true if the network is trusted.");
        }

        var systemPrompt = ReadSystemPrompt(target, path);
        var secrets = new List<ConfiguredString>();
        if (Optional(target, path, "systemPromptSecrets", JsonValueKind.Array) is { } list)
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var itemPath = JsonSource.Item(JsonSource.Child(path, "systemPromptSecrets"), i++);
                var secret = Configured(item, itemPath, secretOnly: false);
                if (secret.Literal is { } literal && SecretRules.Problem(literal) is { } problem)
                {
                    throw source.Error(itemPath, $"this system-prompt secret cannot be matched safely: {problem}.");
                }

                secrets.Add(secret);
            }
        }

        if (secrets.Count > 0 && systemPrompt is null)
        {
            throw source.Error(JsonSource.Child(path, "systemPromptSecrets"), "secrets of a system prompt are declared without the system prompt. Add \"systemPrompt\" (or \"systemPromptFile\").");
        }

        var publicValues = ReadPublicValues(target, path);
        var (temperature, maxOutputTokens, seed) = ReadOptions(target, path);
        var toolPolicy = ReadToolPolicy(target, path);
        var options = new EndpointTargetOptions
        {
            Name = name,
            Kind = kind,
            Endpoint = endpoint,
            Description = OptionalString(target, path, "description"),
            Model = model,
            ApiKey = apiKey,
            Headers = headers,
            SystemPrompt = systemPrompt,
            SystemPromptSecrets = secrets,
            PublicValues = publicValues,
            SendSystemPrompt = OptionalBool(target, path, "sendSystemPrompt") ?? kind == EndpointKind.OpenAI,
            Temperature = temperature,
            MaxOutputTokens = maxOutputTokens,
            Seed = seed,
            Resilience = ReadResilience(target, path),
            Cache = OptionalBool(target, path, "cache") ?? true,
            AllowInsecureHttp = allowInsecure,
            ToolPolicy = toolPolicy,
            McpServers = ReadTargetMcpServers(target, path, kind, toolPolicy),
            Serving = ReadServing(target, path),
            TlsCertificateSha256 = ReadCertificatePin(target, path),
            Source = source.Where(path),
        };
        return kind == EndpointKind.Http ? ReadHttp(target, path, options) : options;
    }

    // The target's own public values (its support address, its hotline), which checks for any value of a kind accept.
    private List<ConfiguredString> ReadPublicValues(JsonElement target, string path)
    {
        var values = new List<ConfiguredString>();
        if (Optional(target, path, "publicValues", JsonValueKind.Array) is not { } list)
        {
            return values;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = JsonSource.Item(JsonSource.Child(path, "publicValues"), i++);
            var value = Configured(item, itemPath, secretOnly: false);
            if (value.Literal is { } literal && !literal.Any(char.IsLetterOrDigit))
            {
                throw source.Error(itemPath, $"the public value \"{literal}\" has no letter or digit, so no answer could hold it. Write the value as answers give it, such as \"support@example.com\" or \"+1 800 555 0199\".");
            }

            values.Add(value);
        }

        return values;
    }

    private Uri ReadEndpoint(JsonElement target, string path)
    {
        var text = Required(target, path, "endpoint", JsonValueKind.String, "a URL such as \"https://api.example.com/v1\"").GetString()!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw source.Error(JsonSource.Child(path, "endpoint"), $"\"{text}\" is not an http:// or https:// URL. Write the full address, such as \"https://api.example.com/v1\".");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw source.Error(JsonSource.Child(path, "endpoint"), "the URL holds a user name or password. Remove them and send credentials with \"apiKey\": \"env:NAME\".");
        }

        return uri;
    }

    private ConfiguredString? ReadApiKey(JsonElement target, string path) =>
        Optional(target, path, "apiKey", JsonValueKind.String) is { } key ? Configured(key, JsonSource.Child(path, "apiKey"), secretOnly: true) : null;

    private List<EndpointHeader> ReadHeaders(JsonElement target, string path)
    {
        var headers = new List<EndpointHeader>();
        if (Optional(target, path, "headers", JsonValueKind.Object) is not { } declared)
        {
            return headers;
        }

        foreach (var header in declared.EnumerateObject())
        {
            var headerPath = JsonSource.Child(JsonSource.Child(path, "headers"), header.Name);
            if (!HeaderName().IsMatch(header.Name))
            {
                throw source.Error(headerPath, $"\"{header.Name}\" is not a valid HTTP header name.", atName: true);
            }

            var secret = SecretHeaderWords.Any(w => header.Name.Contains(w, StringComparison.OrdinalIgnoreCase));
            headers.Add(new EndpointHeader(header.Name, Configured(header.Value, headerPath, secretOnly: secret)));
        }

        return headers;
    }

    private string? ReadSystemPrompt(JsonElement target, string path)
    {
        var inline = OptionalString(target, path, "systemPrompt");
        var file = OptionalString(target, path, "systemPromptFile");
        if (inline is not null && file is not null)
        {
            throw source.Error(JsonSource.Child(path, "systemPromptFile"), "both \"systemPrompt\" and \"systemPromptFile\" are given. Keep one.");
        }

        if (file is null)
        {
            return inline;
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, file));
        return File.Exists(full)
            ? File.ReadAllText(full)
            : throw source.Error(JsonSource.Child(path, "systemPromptFile"), $"the file {full} does not exist. Paths are relative to the configuration file's folder.");
    }

    // The tool policy file, relative to the configuration's folder, in the format of ToolPolicy.Load.
    private ToolPolicy? ReadToolPolicy(JsonElement target, string path)
    {
        if (OptionalString(target, path, "toolPolicy") is not { } file)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, file));
        if (!File.Exists(full))
        {
            throw source.Error(JsonSource.Child(path, "toolPolicy"), $"the tool policy file {full} does not exist. Paths are relative to the configuration file's folder; the format is in docs/agents.md.");
        }

        try
        {
            return ToolPolicy.Load(full);
        }
        catch (SecureReqsException ex)
        {
            throw new SecureReqsException($"{source.Where(JsonSource.Child(path, "toolPolicy"))}: {JsonSource.Child(path, "toolPolicy")}: the tool policy cannot be read: {ex.Message}", ex);
        }
    }

    private (float? Temperature, int? MaxOutputTokens, long? Seed) ReadOptions(JsonElement target, string path)
    {
        if (Optional(target, path, "options", JsonValueKind.Object) is not { } options)
        {
            return (null, null, null);
        }

        var optionsPath = JsonSource.Child(path, "options");
        AllowOnly(options, optionsPath, OptionsProperties, "\"options\"");
        var temperature = OptionalNumber(options, optionsPath, "temperature", 0, 2);
        var maxTokens = OptionalNumber(options, optionsPath, "maxOutputTokens", 1, 10_000_000, integer: true);
        var seed = OptionalNumber(options, optionsPath, "seed", long.MinValue, long.MaxValue, integer: true);
        return ((float?)temperature, (int?)maxTokens, (long?)seed);
    }

    private EndpointResilienceOptions ReadResilience(JsonElement target, string path)
    {
        var resilience = new EndpointResilienceOptions();
        if (Optional(target, path, "resilience", JsonValueKind.Object) is not { } declared)
        {
            return resilience;
        }

        var at = JsonSource.Child(path, "resilience");
        AllowOnly(declared, at, ResilienceProperties, "\"resilience\"");
        if (OptionalNumber(declared, at, "timeoutSeconds", 0.001, 3600) is { } timeout)
        {
            resilience.Timeout = TimeSpan.FromSeconds(timeout);
        }

        if (OptionalNumber(declared, at, "maxRetries", 0, 10, integer: true) is { } retries)
        {
            resilience.MaxRetries = (int)retries;
        }

        if (OptionalNumber(declared, at, "retryDelaySeconds", 0.001, 60) is { } delay)
        {
            resilience.RetryDelay = TimeSpan.FromSeconds(delay);
        }

        if (OptionalNumber(declared, at, "maxRetryAfterSeconds", 0, 3600) is { } retryAfter)
        {
            resilience.MaxRetryAfter = TimeSpan.FromSeconds(retryAfter);
        }

        if (OptionalNumber(declared, at, "requestsPerMinute", 0, 1_000_000, integer: true) is { } rpm)
        {
            resilience.RequestsPerMinute = (int)rpm;
        }

        if (OptionalNumber(declared, at, "maxConcurrentRequests", 1, 256, integer: true) is { } concurrency)
        {
            resilience.MaxConcurrentRequests = (int)concurrency;
        }

        return resilience;
    }

    private EndpointTargetOptions ReadHttp(JsonElement target, string path, EndpointTargetOptions options)
    {
        var method = (OptionalString(target, path, "method") ?? "POST").ToUpperInvariant();
        if (method is not ("POST" or "PUT" or "PATCH"))
        {
            throw source.Error(JsonSource.Child(path, "method"), $"the method \"{method}\" cannot carry the messages. Use \"POST\" (or \"PUT\", \"PATCH\").");
        }

        if (!target.TryGetProperty("body", out var body))
        {
            throw source.Error(path, "a target of kind \"http\" needs a \"body\" template, such as { \"messages\": \"{{messages}}\" } or { \"question\": \"{{prompt}}\" }.");
        }

        CheckTemplate(body, JsonSource.Child(path, "body"));
        var responsePath = OptionalString(target, path, "responsePath")
            ?? throw source.Error(path, "a target of kind \"http\" needs a \"responsePath\": where the answer text is in the response, such as \"answer\" or \"choices.0.message.content\".");
        CheckFieldPath(responsePath, JsonSource.Child(path, "responsePath"));
        var finishReasonPath = OptionalFieldPath(target, path, "finishReasonPath");
        string? input = null, output = null, total = null;
        if (Optional(target, path, "usage", JsonValueKind.Object) is { } usage)
        {
            var at = JsonSource.Child(path, "usage");
            AllowOnly(usage, at, UsageProperties, "\"usage\"");
            input = OptionalFieldPath(usage, at, "inputTokens");
            output = OptionalFieldPath(usage, at, "outputTokens");
            total = OptionalFieldPath(usage, at, "totalTokens");
        }

        var header = OptionalString(target, path, "apiKeyHeader") ?? "Authorization";
        if (!HeaderName().IsMatch(header))
        {
            throw source.Error(JsonSource.Child(path, "apiKeyHeader"), $"\"{header}\" is not a valid HTTP header name.");
        }

        var sessionInBody = Placeholder().Matches(body.GetRawText()).Any(m => m.Groups[1].Value == "session");
        var session = ReadSession(target, path, sessionInBody);
        if (session is not null && OptionalBool(target, path, "cache") is true)
        {
            throw source.Error(JsonSource.Child(path, "cache"), "a target with a \"session\" cannot be cached: the conversation lives on the server, and a replayed answer would continue a session that no longer exists. Remove \"cache\" (sessions are never cached).");
        }

        var (textPath, streamFinishPath, streamToolCallsPath, streamRetrievalsPath) = ReadStream(target, path);
        var callerKeys = ReadCallerKeys(target, path);
        if (callerKeys.Count > 0 && OptionalBool(target, path, "cache") is true)
        {
            throw source.Error(JsonSource.Child(path, "cache"), "a target with \"callerKeys\" cannot be cached: the same request gets different answers for different callers. Remove \"cache\" (such targets are never cached).");
        }

        var userHeader = OptionalString(target, path, "userHeader");
        if (userHeader is not null && !HeaderName().IsMatch(userHeader))
        {
            throw source.Error(JsonSource.Child(path, "userHeader"), $"\"{userHeader}\" is not a valid HTTP header name. Write the header your app reads the signed-in user from, such as \"X-User-Id\".");
        }

        var sendsUser = userHeader is not null || Placeholder().Matches(body.GetRawText()).Any(m => m.Groups[1].Value == "user");
        if (sendsUser && OptionalBool(target, path, "cache") is true)
        {
            throw source.Error(JsonSource.Child(path, "cache"), "a target that is sent the case's user (\"userHeader\" or {{user}}) cannot be cached: its answers depend on what the server remembers of each user. Remove \"cache\" (such targets are never cached).");
        }

        var retrievalsPath = OptionalFieldPath(target, path, "retrievalsPath");
        if (streamRetrievalsPath is not null && retrievalsPath is null)
        {
            throw source.Error(JsonSource.Child(JsonSource.Child(path, "stream"), "retrievalsPath"), "a streamed answer's retrievals path is given, but not \"retrievalsPath\" (where a whole answer reports them). Add \"retrievalsPath\", such as \"retrieved\".");
        }

        var callerHeaders = ReadCallerHeaders(target, path);
        var sendsCaller = callerHeaders.Count > 0 || Placeholder().Matches(body.GetRawText()).Any(m => m.Groups[1].Value.StartsWith("caller.", StringComparison.Ordinal));
        if (sendsCaller && OptionalBool(target, path, "cache") is true)
        {
            throw source.Error(JsonSource.Child(path, "cache"), "a target that is sent the case's caller (\"callerHeaders\" or {{caller.role}}, {{caller.clearance}} in \"body\") cannot be cached: the same request gets different answers for different callers. Remove \"cache\" (such targets are never cached).");
        }

        var knowledgeBase = ReadKnowledgeBase(target, path, options.AllowInsecureHttp);
        var toolCallsPath = OptionalFieldPath(target, path, "toolCallsPath");
        var contextField = OptionalString(target, path, "contextField");
        if (contextField is not null && (string.IsNullOrWhiteSpace(contextField) || contextField is "role" or "content"))
        {
            throw source.Error(JsonSource.Child(path, "contextField"), $"\"{contextField}\" cannot name the field that marks context messages. Name a field your API reads, such as \"context\".");
        }


        return new EndpointTargetOptions
        {
            Name = options.Name,
            Kind = options.Kind,
            Endpoint = options.Endpoint,
            Description = options.Description,
            Model = options.Model,
            ApiKey = options.ApiKey,
            ApiKeyHeader = header,
            Headers = options.Headers,
            SystemPrompt = options.SystemPrompt,
            SystemPromptSecrets = options.SystemPromptSecrets,
            PublicValues = options.PublicValues,
            SendSystemPrompt = options.SendSystemPrompt,
            Temperature = options.Temperature,
            MaxOutputTokens = options.MaxOutputTokens,
            Seed = options.Seed,
            Resilience = options.Resilience,
            Cache = options.Cache && session is null && callerKeys.Count == 0 && !sendsUser && !sendsCaller,
            RetrievalsPath = retrievalsPath,
            StreamRetrievalsPath = streamRetrievalsPath,
            CallerHeaders = callerHeaders,
            KnowledgeBase = knowledgeBase,
            CallerKeys = callerKeys,
            UserHeader = userHeader,
            AllowInsecureHttp = options.AllowInsecureHttp,
            ToolPolicy = options.ToolPolicy,
            Serving = options.Serving,
            TlsCertificateSha256 = options.TlsCertificateSha256,
            Source = options.Source,
            Session = session,
            StreamTextPath = textPath ?? "choices.0.delta.content",
            StreamFinishReasonPath = streamFinishPath ?? "choices.0.finish_reason",
            ToolCallsPath = toolCallsPath,
            ContextField = contextField,
            StreamToolCallsPath = streamToolCallsPath ?? "choices.0.delta.tool_calls",
            Method = method,
            Body = JsonNode.Parse(body.GetRawText()),
            ResponsePath = responsePath,
            FinishReasonPath = finishReasonPath,
            InputTokensPath = input,
            OutputTokensPath = output,
            TotalTokensPath = total,
        };
    }

    // Headers that say who the case's caller is: templates with {{caller.role}} and {{caller.clearance}}.
    private Dictionary<string, string> ReadCallerHeaders(JsonElement target, string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Optional(target, path, "callerHeaders", JsonValueKind.Object) is not { } declared)
        {
            return headers;
        }

        foreach (var header in declared.EnumerateObject())
        {
            var at = JsonSource.Child(JsonSource.Child(path, "callerHeaders"), header.Name);
            if (!HeaderName().IsMatch(header.Name))
            {
                throw source.Error(at, $"\"{header.Name}\" is not a valid HTTP header name. Write the header your app reads the caller from, such as \"X-Caller-Clearance\".", atName: true);
            }

            if (header.Value.ValueKind != JsonValueKind.String)
            {
                throw source.Error(at, $"a caller header is a template string, not {EndpointAnswers.Describe(header.Value)}: \"{{{{caller.clearance}}}}\".");
            }

            var template = header.Value.GetString()!;
            CheckPlaceholders(template, at, CallerPlaceholders, "a caller header");
            if (template.Contains('\r', StringComparison.Ordinal) || template.Contains('\n', StringComparison.Ordinal) || template.StartsWith(ConfiguredString.EnvironmentPrefix, StringComparison.Ordinal))
            {
                throw source.Error(at, "a caller header is a one-line template that says who the caller is, such as \"{{caller.clearance}}\"; keys go in \"callerKeys\".");
            }

            headers[header.Name] = template;
        }

        return headers;
    }

    // How stories write to the knowledge base: an add and a remove (HTTP request templates or commands), and the
    // canary documents clearance stories seed.
    private EndpointKnowledgeBaseOptions? ReadKnowledgeBase(JsonElement target, string path, bool allowInsecure)
    {
        var at = JsonSource.Child(path, "knowledgeBase");
        if (Optional(target, path, "knowledgeBase", JsonValueKind.Object) is not { } declared)
        {
            return null;
        }

        AllowOnly(declared, at, KnowledgeBaseProperties, "\"knowledgeBase\"");
        var add = Required(declared, at, "add", JsonValueKind.Object, "{ \"method\": \"POST\", \"url\": \"https://<host>/api/documents\", \"body\": { \"id\": \"{{document.id}}\", \"content\": \"{{document.text}}\" } } (or { \"command\": \"<executable>\", \"args\": [...] })");
        if (!declared.TryGetProperty("remove", out _))
        {
            throw source.Error(at, "the knowledge base says how documents are added but not how they are removed, and a story removes every document it adds. Add \"remove\": { \"method\": \"DELETE\", \"url\": \"https://<host>/api/documents/{{document.id}}\" } (or a command).");
        }

        var remove = Required(declared, at, "remove", JsonValueKind.Object, "{ \"method\": \"DELETE\", \"url\": \"...\" }");
        var canaries = new List<KnowledgeDocument>();
        if (OptionalString(declared, at, "canaryDocuments") is { } file)
        {
            var full = Path.GetFullPath(Path.Combine(baseDirectory, file));
            var where = JsonSource.Child(at, "canaryDocuments");
            if (!File.Exists(full))
            {
                throw source.Error(where, $"the canary documents file {full} does not exist. Paths are relative to the configuration file's folder; the format is in docs/retrieval.md.");
            }

            try
            {
                canaries.AddRange(KnowledgeDocumentLoader.Load(full));
            }
            catch (SecureReqsException ex)
            {
                throw new SecureReqsException($"{source.Where(where)}: {where}: the canary documents cannot be read: {ex.Message}", ex);
            }

            if (canaries.Count == 0)
            {
                throw source.Error(where, $"the canary documents file {full} holds no documents. Write one JSON object a line (id, title, classification, content with {CanaryDocuments.Placeholder}), or remove \"canaryDocuments\".");
            }

            foreach (var canary in canaries)
            {
                if (CanaryDocuments.Problem(canary) is { } problem)
                {
                    throw new SecureReqsException($"{canary.Source}: {problem} (declared at {source.Where(where)}: {where})");
                }
            }
        }

        return new EndpointKnowledgeBaseOptions
        {
            Add = ReadKnowledgeBaseStep(add, JsonSource.Child(at, "add"), "POST", adding: true, allowInsecure),
            Remove = ReadKnowledgeBaseStep(remove, JsonSource.Child(at, "remove"), "DELETE", adding: false, allowInsecure),
            CanaryDocuments = canaries,
        };
    }

    private EndpointKnowledgeBaseStep ReadKnowledgeBaseStep(JsonElement step, string at, string defaultMethod, bool adding, bool allowInsecure)
    {
        var setting = at.Replace("$.targets.", "", StringComparison.Ordinal);
        setting = setting[(setting.IndexOf(".knowledgeBase", StringComparison.Ordinal) + 1)..];
        var isCommand = step.TryGetProperty("command", out _);
        var isRequest = step.TryGetProperty("url", out _);
        if (isCommand == isRequest)
        {
            throw source.Error(at, isCommand
                ? "it gives both \"url\" and \"command\". Keep \"url\" to send an HTTP request, or \"command\" to run a program."
                : "it says neither where to send the request nor what to run. Add \"url\": \"https://<host>/api/documents\" (an HTTP request), or \"command\": \"<executable>\" with \"args\" (the document goes to its standard input as JSON).");
        }

        string? idPath = null;
        if (step.TryGetProperty("idPath", out _))
        {
            if (!adding)
            {
                throw source.Error(JsonSource.Child(at, "idPath"), "only \"add\" reads the id the knowledge base assigned; \"remove\" is given it as {{document.id}}. Move \"idPath\" to \"add\".");
            }

            idPath = OptionalFieldPath(step, at, "idPath");
        }

        var placeholders = EndpointKnowledgeBaseOptions.Placeholders;
        if (isCommand)
        {
            AllowOnly(step, at, KnowledgeBaseCommandProperties, $"\"{setting}\" (a command)");
            var command = OptionalString(step, at, "command");
            if (string.IsNullOrWhiteSpace(command))
            {
                throw source.Error(JsonSource.Child(at, "command"), "the command is empty. Name the program to run, such as \"sh\" or \"./scripts/kb-add.sh\".");
            }

            var arguments = new List<string>();
            if (Optional(step, at, "args", JsonValueKind.Array) is { } list)
            {
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var itemPath = JsonSource.Item(JsonSource.Child(at, "args"), i++);
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        throw source.Error(itemPath, $"an argument is a string, not {EndpointAnswers.Describe(item)}.");
                    }

                    CheckPlaceholders(item.GetString()!, itemPath, placeholders, "a knowledge-base command");
                    arguments.Add(item.GetString()!);
                }
            }

            return new EndpointKnowledgeBaseStep { Setting = setting, Command = command, Arguments = arguments, IdPath = idPath, WorkingDirectory = baseDirectory };
        }

        AllowOnly(step, at, KnowledgeBaseRequestProperties, $"\"{setting}\" (an HTTP request)");
        var method = (OptionalString(step, at, "method") ?? defaultMethod).ToUpperInvariant();
        if (method is not ("POST" or "PUT" or "PATCH" or "DELETE" or "GET"))
        {
            throw source.Error(JsonSource.Child(at, "method"), $"\"{method}\" is not a method a knowledge base is written with. Use \"POST\", \"PUT\", \"PATCH\" or \"DELETE\".");
        }

        var urlPath = JsonSource.Child(at, "url");
        var url = OptionalString(step, at, "url")!;
        CheckPlaceholders(url, urlPath, placeholders, "a knowledge-base URL");
        var sample = EndpointKnowledgeBase.Fill(url, new KnowledgeDocument("doc-1", "Title", Classification.Internal, "text"), "doc-1", Uri.EscapeDataString);
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw source.Error(urlPath, $"\"{url}\" is not an http:// or https:// URL (without a user name or password). Write the full address, such as \"https://api.example.com/documents/{{{{document.id}}}}\".");
        }

        var headers = ReadHeaders(step, at);
        foreach (var header in headers.Where(h => h.Value.Literal is not null))
        {
            CheckPlaceholders(header.Value.Literal!, JsonSource.Child(JsonSource.Child(at, "headers"), header.Name), placeholders, "a knowledge-base header");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecure && headers.Any(h => h.Value.IsSecret))
        {
            throw source.Error(urlPath, $"the URL {uri} is plain http on another machine, and the request sends a secret. Use https://, or set \"allowInsecureHttp\": true on the target if the network is trusted.");
        }

        JsonNode? body = null;
        if (step.TryGetProperty("body", out var template))
        {
            CheckBodyPlaceholders(template, JsonSource.Child(at, "body"), placeholders);
            body = JsonNode.Parse(template.GetRawText());
        }

        return new EndpointKnowledgeBaseStep { Setting = setting, Method = method, Url = url, Headers = headers, Body = body, IdPath = idPath, WorkingDirectory = baseDirectory };
    }

    private void CheckBodyPlaceholders(JsonElement element, string path, IReadOnlyList<string> known)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CheckBodyPlaceholders(property.Value, JsonSource.Child(path, property.Name), known);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckBodyPlaceholders(item, JsonSource.Item(path, i++), known);
                }

                break;
            case JsonValueKind.String:
                CheckPlaceholders(element.GetString()!, path, known, "a knowledge-base body");
                break;
        }
    }

    private void CheckPlaceholders(string text, string path, IReadOnlyList<string> known, string what)
    {
        foreach (Match match in Placeholder().Matches(text))
        {
            if (!known.Contains(match.Groups[1].Value, StringComparer.Ordinal))
            {
                throw source.Error(path, $"unknown placeholder {{{{{match.Groups[1].Value}}}}} in {what}. Known placeholders here: {string.Join(", ", known.Select(p => "{{" + p + "}}"))}.");
            }
        }
    }

    // What the serving-layer checks need: the keys they send and where plain HTTP is tried.
    private EndpointServingOptions? ReadServing(JsonElement target, string path)
    {
        var at = JsonSource.Child(path, "serving");
        if (Optional(target, path, "serving", JsonValueKind.Object) is not { } declared)
        {
            return null;
        }

        AllowOnly(declared, at, ServingProperties, "\"serving\"");
        ConfiguredString? Key(string name) =>
            Optional(declared, at, name, JsonValueKind.String) is { } key ? Configured(key, JsonSource.Child(at, name), secretOnly: true) : null;
        Uri? plain = null;
        if (OptionalString(declared, at, "plainHttpEndpoint") is { } text)
        {
            plain = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && string.IsNullOrEmpty(uri.UserInfo)
                ? uri
                : throw source.Error(JsonSource.Child(at, "plainHttpEndpoint"), $"\"{text}\" is not an http:// URL. Write where plain HTTP would be served, such as \"http://api.example.com/v1/chat\".");
        }

        return new EndpointServingOptions { ReadOnlyKey = Key("readOnlyKey"), RateLimitKey = Key("rateLimitKey"), PlainHttpEndpoint = plain };
    }

    // A self-signed server certificate trusted by its SHA-256 (a test deployment).
    private ConfiguredString? ReadCertificatePin(JsonElement target, string path)
    {
        if (Optional(target, path, "tlsCertificateSha256", JsonValueKind.String) is not { } pin)
        {
            return null;
        }

        var at = JsonSource.Child(path, "tlsCertificateSha256");
        var value = Configured(pin, at, secretOnly: false);
        if (value.Literal is { } literal && !(literal.Replace(":", "", StringComparison.Ordinal).Length == 64 && literal.Replace(":", "", StringComparison.Ordinal).All(char.IsAsciiHexDigit)))
        {
            throw source.Error(at, "this is not a SHA-256 in hex (64 hex digits, colons allowed). Write the certificate's SHA-256 fingerprint, such as `openssl x509 -noout -fingerprint -sha256` prints it, or \"env:NAME\".");
        }

        return value;
    }

    // The key of each caller role, from the environment only.
    private Dictionary<string, ConfiguredString> ReadCallerKeys(JsonElement target, string path)
    {
        var keys = new Dictionary<string, ConfiguredString>(StringComparer.Ordinal);
        if (Optional(target, path, "callerKeys", JsonValueKind.Object) is not { } declared)
        {
            return keys;
        }

        foreach (var role in declared.EnumerateObject())
        {
            var at = JsonSource.Child(JsonSource.Child(path, "callerKeys"), role.Name);
            if (string.IsNullOrWhiteSpace(role.Name))
            {
                throw source.Error(at, "a caller role is empty. Name the role as stories do, such as \"support-agent\".", atName: true);
            }

            keys[role.Name] = Configured(role.Value, at, secretOnly: true);
        }

        return keys;
    }

    // The server-side session: where its id is read (a field of the answer, or a cookie) and how it is sent back.
    private EndpointSessionOptions? ReadSession(JsonElement target, string path, bool sessionInBody)
    {
        var at = JsonSource.Child(path, "session");
        if (Optional(target, path, "session", JsonValueKind.Object) is not { } declared)
        {
            return sessionInBody
                ? throw source.Error(JsonSource.Child(path, "body"), "the body uses {{session}}, but the target declares no \"session\". Add \"session\": { \"idPath\": \"<where the answer carries the session id>\" }, or remove {{session}}.")
                : null;
        }

        AllowOnly(declared, at, SessionProperties, "\"session\"");
        var idPath = OptionalFieldPath(declared, at, "idPath");
        var cookie = OptionalString(declared, at, "cookie");
        var header = OptionalString(declared, at, "header");
        if ((idPath is null) == (cookie is null))
        {
            throw source.Error(at, idPath is null
                ? "the session says neither where the answer carries its id nor which cookie holds it. Add \"idPath\": \"session_id\" (a field of the answer) or \"cookie\": \"<the cookie's name>\"."
                : "the session gives both \"idPath\" and \"cookie\". Keep the one the server uses: \"idPath\" for an id in the answer, \"cookie\" for a session cookie.");
        }

        if (cookie is not null && !HeaderName().IsMatch(cookie))
        {
            throw source.Error(JsonSource.Child(at, "cookie"), $"\"{cookie}\" is not a valid cookie name. Write the name the server sets, such as \"session\".");
        }

        if (header is not null && !HeaderName().IsMatch(header))
        {
            throw source.Error(JsonSource.Child(at, "header"), $"\"{header}\" is not a valid HTTP header name.");
        }

        if (idPath is not null && header is null && !sessionInBody)
        {
            throw source.Error(at, "the session id is read from each answer but never sent back, so every turn would start a new conversation. Add \"header\": \"X-Session-Id\" (the header the server reads it from), or put \"{{session}}\" in \"body\".");
        }

        return new EndpointSessionOptions { IdPath = idPath, Cookie = cookie, Header = header };
    }

    private (string? TextPath, string? FinishReasonPath, string? ToolCallsPath, string? RetrievalsPath) ReadStream(JsonElement target, string path)
    {
        if (Optional(target, path, "stream", JsonValueKind.Object) is not { } declared)
        {
            return (null, null, null, null);
        }

        var at = JsonSource.Child(path, "stream");
        AllowOnly(declared, at, StreamProperties, "\"stream\"");
        return (OptionalFieldPath(declared, at, "textPath"), OptionalFieldPath(declared, at, "finishReasonPath"), OptionalFieldPath(declared, at, "toolCallsPath"), OptionalFieldPath(declared, at, "retrievalsPath"));
    }

    private void CheckTemplate(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CheckTemplate(property.Value, JsonSource.Child(path, property.Name));
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckTemplate(item, JsonSource.Item(path, i++));
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                foreach (Match match in Placeholder().Matches(text))
                {
                    var name = match.Groups[1].Value;
                    if (!Placeholders.Contains(name, StringComparer.Ordinal))
                    {
                        throw source.Error(path, $"unknown placeholder {{{{{name}}}}}. Known placeholders: {string.Join(", ", Placeholders.Select(p => "{{" + p + "}}"))}.");
                    }

                    if (name == "messages" && text != "{{messages}}")
                    {
                        throw source.Error(path, "{{messages}} is replaced by the JSON array of messages, so it must be the whole value: \"{{messages}}\".");
                    }
                }

                break;
        }
    }

    private string? OptionalFieldPath(JsonElement obj, string path, string name)
    {
        var value = OptionalString(obj, path, name);
        if (value is not null)
        {
            CheckFieldPath(value, JsonSource.Child(path, name));
        }

        return value;
    }

    private void CheckFieldPath(string value, string path)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Split('.').Any(string.IsNullOrEmpty))
        {
            throw source.Error(path, $"\"{value}\" is not a field path. Write the field names from the top of the response, separated by dots, with array positions as numbers: \"choices.0.message.content\".");
        }
    }

    private ConfiguredString Configured(JsonElement element, string path, bool secretOnly)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw source.Error(path, $"expected a string, not {EndpointAnswers.Describe(element)}.");
        }

        var text = element.GetString()!;
        if (text.StartsWith(ConfiguredString.EnvironmentPrefix, StringComparison.Ordinal))
        {
            var variable = text[ConfiguredString.EnvironmentPrefix.Length..];
            return VariableName().IsMatch(variable)
                ? new ConfiguredString(null, variable, $"{source.Where(path)}: {path}")
                : throw source.Error(path, $"\"{variable}\" is not an environment variable name. Write \"env:NAME\" with letters, digits and underscores, such as \"env:OPENAI_API_KEY\".");
        }

        if (secretOnly)
        {
            // Never echo the literal: it may be a real key.
            throw source.Error(path, "a secret is written in the file, and secrets in files are refused. Put it in an environment variable and write \"env:NAME\", such as \"env:OPENAI_API_KEY\".");
        }

        return new ConfiguredString(text, null, $"{source.Where(path)}: {path}");
    }

    private void AllowOnly(JsonElement obj, string path, IReadOnlyCollection<string> known, string what)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (known.Contains(property.Name))
            {
                continue;
            }

            var at = JsonSource.Child(path, property.Name);
            var suggestion = Suggestions.Nearest(property.Name, known, 1).FirstOrDefault();
            var onlyHttp = HttpTargetProperties.Contains(property.Name) && !known.Contains(property.Name)
                ? $" \"{property.Name}\" applies to targets of kind \"http\" only."
                : "";
            throw source.Error(at, $"unknown property \"{property.Name}\" in {what}.{onlyHttp}{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")} Known properties: {string.Join(", ", known)}.", atName: true);
        }
    }

    private JsonElement Required(JsonElement obj, string path, string name, JsonValueKind kind, string example) =>
        Optional(obj, path, name, kind) ?? throw source.Error(path, $"the property \"{name}\" is missing. Add \"{name}\": {example}.");

    private JsonElement? Optional(JsonElement obj, string path, string name, JsonValueKind kind)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        var matches = value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        return matches ? value : throw source.Error(JsonSource.Child(path, name), $"\"{name}\" must be {KindName(kind)}, not {EndpointAnswers.Describe(value)}.");
    }

    private string? OptionalString(JsonElement obj, string path, string name) =>
        Optional(obj, path, name, JsonValueKind.String)?.GetString();

    private bool? OptionalBool(JsonElement obj, string path, string name) =>
        Optional(obj, path, name, JsonValueKind.True)?.GetBoolean();

    private double? OptionalNumber(JsonElement obj, string path, string name, double min, double max, bool integer = false)
    {
        if (Optional(obj, path, name, JsonValueKind.Number) is not { } value)
        {
            return null;
        }

        var number = value.GetDouble();
        if (integer && (number != Math.Floor(number) || !value.TryGetInt64(out _)))
        {
            throw source.Error(JsonSource.Child(path, name), $"\"{name}\" must be a whole number, not {value.GetRawText()}.");
        }

        return number >= min && number <= max
            ? number
            : throw source.Error(JsonSource.Child(path, name), string.Create(CultureInfo.InvariantCulture, $"\"{name}\" is {value.GetRawText()}, outside {min:0.###}–{max:0.###}. Write a value in that range."));
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Object => "an object { ... }",
        JsonValueKind.Array => "an array [ ... ]",
        _ => kind.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"\{\{\s*([A-Za-z.]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();
}
