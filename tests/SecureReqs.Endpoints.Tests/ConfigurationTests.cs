using System.Text.Json.Nodes;

namespace SecureReqs.Endpoints.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Load_OpenAIAndHttpTargets_ReadsEveryProperty()
    {
        using var config = new TestConfig("""
            {
              // comments and trailing commas are allowed
              "targets": {
                "staging": {
                  "kind": "openai",
                  "endpoint": "https://staging.example.com/v1",
                  "model": "gpt-4o-mini",
                  "apiKey": "env:STAGING_KEY",
                  "systemPrompt": "You are the assistant. Code word: OSPREY.",
                  "systemPromptSecrets": ["OSPREY"],
                  "options": { "temperature": 0, "maxOutputTokens": 256, "seed": 7 },
                  "resilience": { "timeoutSeconds": 20, "maxRetries": 5, "retryDelaySeconds": 0.5, "maxRetryAfterSeconds": 30, "requestsPerMinute": 120, "maxConcurrentRequests": 2 },
                },
                "app": {
                  "kind": "http",
                  "endpoint": "https://app.example.com/api/chat",
                  "headers": { "X-Tenant": "qa", "X-Api-Key": "env:APP_KEY" },
                  "body": { "conversation": "{{messages}}", "question": "Q: {{prompt}}" },
                  "responsePath": "reply.text",
                  "usage": { "totalTokens": "meta.tokens" },
                  "cache": false
                },
              }
            }
            """);

        var loaded = config.Load();

        loaded.Targets.Select(t => t.Name).Should().Equal("staging", "app");
        var staging = loaded.Targets[0];
        staging.Kind.Should().Be(EndpointKind.OpenAI);
        staging.ApiKey!.Variable.Should().Be("STAGING_KEY");
        staging.SendSystemPrompt.Should().BeTrue("a bare model gets the declared system prompt");
        staging.SystemPromptSecrets.Single().Literal.Should().Be("OSPREY");
        (staging.Temperature, staging.MaxOutputTokens, staging.Seed).Should().Be((0f, 256, 7L));
        staging.Resilience.Should().BeEquivalentTo(new EndpointResilienceOptions
        {
            Timeout = TimeSpan.FromSeconds(20), MaxRetries = 5, RetryDelay = TimeSpan.FromSeconds(0.5),
            MaxRetryAfter = TimeSpan.FromSeconds(30), RequestsPerMinute = 120, MaxConcurrentRequests = 2,
        });
        var app = loaded.Targets[1];
        app.Kind.Should().Be(EndpointKind.Http);
        app.SendSystemPrompt.Should().BeFalse("an app adds its own system prompt");
        app.Headers.Select(h => (h.Name, h.Value.IsSecret)).Should().Equal(("X-Tenant", false), ("X-Api-Key", true));
        app.ResponsePath.Should().Be("reply.text");
        app.TotalTokensPath.Should().Be("meta.tokens");
        app.Cache.Should().BeFalse();
        loaded.DefaultCacheDirectory.Should().Be(config.CacheDirectory);
    }

    [Fact]
    public void Load_MalformedJson_NamesFileLineAndColumn()
    {
        var error = TestConfig.Error("{\n  \"targets\": {\n    \"a\": { \"kind\": \"openai\" \"model\": \"m\" }\n  }\n}");

        error.Message.Should().MatchRegex(@"securereqs\.json:3:29: malformed JSON: .+\. Fix the JSON at that place");
    }

    [Fact]
    public void Load_UnknownProperty_NamesLineColumnPathAndSuggestsTheFix()
    {
        var error = TestConfig.Error("""
            {
              "targets": {
                "staging": {
                  "kind": "openai",
                  "endpiont": "https://x.example.com/v1",
                  "model": "m"
                }
              }
            }
            """);

        error.Message.Should().MatchRegex(@"securereqs\.json:5:7: \$\.targets\.staging\.endpiont: unknown property ""endpiont"" in a target of kind ""openai"". Did you mean ""endpoint""\? Known properties: kind, description, endpoint");
    }

    [Fact]
    public void Load_WrongType_NamesThePathAndTheExpectedType()
    {
        var error = TestConfig.Error("""
            { "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m",
              "resilience": { "maxRetries": "3" } } } }
            """);

        error.Message.Should().MatchRegex(@"securereqs\.json:2:33: \$\.targets\.s\.resilience\.maxRetries: ""maxRetries"" must be a number, not a string\.");
    }

    [Fact]
    public void Load_LiteralApiKey_IsRefusedWithoutEchoingIt()
    {
        var error = TestConfig.Error("""
            { "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "apiKey": "sk-live-0123456789abcdef" } } }
            """);

        error.Message.Should().Contain("$.targets.s.apiKey: a secret is written in the file").And.Contain("\"env:NAME\"");
        error.Message.Should().NotContain("sk-live-0123456789abcdef");
    }

    [Fact]
    public void Load_LiteralAuthorizationHeader_IsRefused()
    {
        var error = TestConfig.Error("""
            { "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/chat", "headers": { "Authorization": "Bearer abc123456" },
              "body": { "q": "{{prompt}}" }, "responsePath": "a" } } }
            """);

        error.Message.Should().Contain("$.targets.s.headers.Authorization: a secret is written in the file").And.NotContain("abc123456");
    }

    [Theory]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "responsePath": "a" } } }""", "\"responsePath\" applies to targets of kind \"http\" only")]
    [InlineData("""{ "targets": { "s": { "kind": "grpc", "endpoint": "https://x.example.com/v1" } } }""", "unknown kind \"grpc\". Known kinds: \"openai\"")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1" } } }""", "needs a \"model\"")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "ftp://x.example.com", "model": "m" } } }""", "is not an http:// or https:// URL")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{question}}" }, "responsePath": "a" } } }""", "unknown placeholder {{question}}. Known placeholders: {{messages}}, {{prompt}}")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" } } } }""", "needs a \"responsePath\"")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "http://10.1.2.3:8000/v1", "model": "m", "apiKey": "env:K" } } }""", "plain http on another machine")]
    [InlineData("""{ "targets": { "demo:x": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m" } } }""", "reserved for the built-in demo targets")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "resilience": { "maxRetries": 99 } } } }""", "\"maxRetries\" is 99, outside 0–10")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "apiKey": "env:not a name" } } }""", "is not an environment variable name")]
    [InlineData("""{ "targets": { "s": {}, "s": {} } }""", "malformed JSON")]
    [InlineData("""[]""", "the file must hold a JSON object")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "systemPrompt": "p", "systemPromptSecrets": ["------"] } } }""", "$.targets.s.systemPromptSecrets[0]: this system-prompt secret cannot be matched safely: it has 0 letters or digits")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "publicValues": ["support@x.example", " -- "] } } }""", "$.targets.s.publicValues[1]: the public value \" -- \" has no letter or digit")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "publicValues": [42] } } }""", "$.targets.s.publicValues[0]: expected a string, not")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "publicValues": "support@x.example" } } }""", "$.targets.s.publicValues")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "session": {} } } }""", "$.targets.s.session: the session says neither where the answer carries its id nor which cookie holds it. Add \"idPath\"")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "session": { "idPath": "sid", "cookie": "sid" } } } }""", "the session gives both \"idPath\" and \"cookie\"")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "session": { "idPath": "sid" } } } }""", "the session id is read from each answer but never sent back")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}", "s": "{{session}}" }, "responsePath": "a" } } }""", "$.targets.s.body: the body uses {{session}}, but the target declares no \"session\"")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "cache": true, "session": { "cookie": "sid" } } } }""", "$.targets.s.cache: a target with a \"session\" cannot be cached")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "session": { "cookie": "sid", "idpath": "x" } } } }""", "unknown property \"idpath\" in \"session\". Did you mean \"idPath\"?")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "session": { "cookie": "a b" } } } }""", "\"a b\" is not a valid cookie name")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "stream": { "textPath": "choices..delta" } } } }""", "$.targets.s.stream.textPath: \"choices..delta\" is not a field path")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "session": { "cookie": "sid" } } } }""", "\"session\" applies to targets of kind \"http\" only")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "contextField": "content" } } }""", "$.targets.s.contextField: \"content\" cannot name the field that marks context messages")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "toolCallsPath": "tool_calls." } } }""", "$.targets.s.toolCallsPath: \"tool_calls.\" is not a field path")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "callerKeys": { "admin": "sk-live-000111222333" } } } }""", "$.targets.s.callerKeys.admin: a secret is written in the file")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "cache": true, "callerKeys": { "admin": "env:ADMIN_KEY" } } } }""", "$.targets.s.cache: a target with \"callerKeys\" cannot be cached")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "userHeader": "X User" } } }""", "$.targets.s.userHeader: \"X User\" is not a valid HTTP header name")]
    [InlineData("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}", "u": "{{user}}" }, "responsePath": "a", "cache": true } } }""", "$.targets.s.cache: a target that is sent the case's user (\"userHeader\" or {{user}}) cannot be cached")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "userHeader": "X-User-Id" } } }""", "\"userHeader\" applies to targets of kind \"http\" only")]
    [InlineData("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "toolPolicy": "missing-policy.json" } } }""", "$.targets.s.toolPolicy: the tool policy file")]
    public void Load_InvalidTarget_SaysWhatIsWrongAndHowToFixIt(string json, string expected)
    {
        var error = TestConfig.Error(json);

        error.Message.Should().Contain(expected).And.Contain("securereqs.json:");
    }

    [Fact]
    public void Load_SessionAndStream_AreReadAndTheTargetIsNotCached()
    {
        using var config = new TestConfig("""
            { "targets": {
                "app": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}", "conversation": "{{session}}" }, "responsePath": "a",
                         "session": { "idPath": "meta.conversation" }, "stream": { "textPath": "delta.text" } },
                "web": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "session": { "cookie": "sid", "header": "X-Conversation" } } } }
            """);

        var loaded = config.Load();

        var app = loaded.Targets[0];
        (app.Session!.IdPath, app.Session.Cookie, app.Session.Header).Should().Be(("meta.conversation", null, null));
        (app.StreamTextPath, app.StreamFinishReasonPath).Should().Be(("delta.text", "choices.0.finish_reason"));
        app.Cache.Should().BeFalse("the server's conversation cannot be replayed");
        var web = loaded.Targets[1];
        (web.Session!.IdPath, web.Session.Cookie, web.Session.Header).Should().Be((null, "sid", "X-Conversation"));
    }

    [Fact]
    public void Load_ToolPolicyAndCallerKeys_AreReadAndTheTargetIsNotCached()
    {
        using var config = new TestConfig("""
            { "targets": { "agent": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a",
                "toolCallsPath": "tool_calls", "toolPolicy": "policy/tools.json", "callerKeys": { "customer": "env:CUSTOMER_KEY", "admin": "env:ADMIN_KEY" } } } }
            """);
        Directory.CreateDirectory(Path.Combine(config.Directory, "policy"));
        File.WriteAllText(Path.Combine(config.Directory, "policy", "tools.json"), """{ "schema": "securereqs.tool-policy/v1", "roles": { "customer": { "tools": { "lookup_order": {} } } } }""");

        var agent = config.Load().Targets.Single();

        agent.ToolPolicy!.Evaluate("customer", "lookup_order", new Dictionary<string, object?>()).Allowed.Should().BeTrue();
        agent.ToolPolicy.Evaluate("customer", "export_customers", new Dictionary<string, object?>()).Allowed.Should().BeFalse();
        agent.CallerKeys.ToDictionary(k => k.Key, k => k.Value.Variable).Should().Equal(new Dictionary<string, string?> { ["customer"] = "CUSTOMER_KEY", ["admin"] = "ADMIN_KEY" });
        agent.Cache.Should().BeFalse("the same request gets different answers for different callers");
    }

    [Fact]
    public void Load_MalformedToolPolicy_NamesTheSettingAndThePolicysProblem()
    {
        using var config = new TestConfig("""{ "targets": { "agent": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "toolPolicy": "tools.json" } } }""");
        File.WriteAllText(Path.Combine(config.Directory, "tools.json"), """{ "schema": "securereqs.tool-policy/v1", "roles": [] }""");

        var load = () => config.Load();

        load.Should().Throw<SecureReqsException>().Which.Message.Should().MatchRegex(@"securereqs\.json:1:\d+: \$\.targets\.agent\.toolPolicy: the tool policy cannot be read: .*tools\.json");
    }

    [Fact]
    public void Load_PublicValues_AreReadForBothKindsLiteralOrFromTheEnvironment()
    {
        using var config = new TestConfig("""
            { "targets": {
                "chat": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "publicValues": ["support@larkspur.example", "+1 800 555 0199"] },
                "app": { "kind": "http", "endpoint": "https://x.example.com/c", "body": { "q": "{{prompt}}" }, "responsePath": "a", "publicValues": ["env:HOTLINE"] } } }
            """);

        var loaded = config.Load();

        loaded.Targets[0].PublicValues.Select(v => v.Literal).Should().Equal("support@larkspur.example", "+1 800 555 0199");
        loaded.Targets[1].PublicValues.Single().Variable.Should().Be("HOTLINE");
    }

    [Fact]
    public void Resolve_MissingEnvironmentVariable_NamesTheVariableAndWhereItIsUsed()
    {
        using var config = new TestConfig("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "apiKey": "env:SECUREREQS_TEST_UNSET_KEY" } } }""");
        var key = config.Load().Targets[0].ApiKey!;

        var act = () => key.Resolve(_ => null);

        act.Should().Throw<SecureReqsException>().WithMessage("*securereqs.json:1:*: $.targets.s.apiKey: the environment variable SECUREREQS_TEST_UNSET_KEY is not set*");
    }

    [Fact]
    public void Find_ExplicitPathWinsThenEnvironmentThenCurrentFolder()
    {
        using var here = new TestConfig("{}");
        using var other = new TestConfig("{}");

        SecureReqsConfiguration.Find(other.Path, here.Directory, _ => null).Should().Be(other.Path);
        SecureReqsConfiguration.Find(null, here.Directory, v => v == SecureReqsConfiguration.EnvironmentVariable ? other.Path : null).Should().Be(other.Path);
        SecureReqsConfiguration.Find(null, here.Directory, _ => null).Should().Be(here.Path);
        SecureReqsConfiguration.Find(null, Path.GetTempPath(), _ => null).Should().BeNull();
        var missing = () => SecureReqsConfiguration.Find(Path.Combine(here.Directory, "nope.json"), here.Directory, _ => null);
        missing.Should().Throw<SecureReqsException>().WithMessage("*nope.json does not exist*");
    }

    [Fact]
    public void Schema_DeclaresExactlyThePropertiesTheReaderAccepts()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "docs", "securereqs.schema.json")))!;
        string[] Properties(JsonNode? node) => [.. node!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
        var defs = schema["$defs"]!;

        Properties(schema).Should().Equal(ConfigurationReader.TopProperties.Order(StringComparer.Ordinal));
        Properties(defs["target"]).Should().Equal(ConfigurationReader.CommonTargetProperties.Concat(ConfigurationReader.HttpTargetProperties).Order(StringComparer.Ordinal));
        Properties(defs["options"]).Should().Equal(ConfigurationReader.OptionsProperties.Order(StringComparer.Ordinal));
        Properties(defs["resilience"]).Should().Equal(ConfigurationReader.ResilienceProperties.Order(StringComparer.Ordinal));
        Properties(defs["usage"]).Should().Equal(ConfigurationReader.UsageProperties.Order(StringComparer.Ordinal));
        Properties(defs["judge"]).Should().Equal(ConfigurationReader.JudgeProperties.Order(StringComparer.Ordinal));
        Properties(defs["mcpServer"]).Should().Equal(ConfigurationReader.McpServerProperties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Judges_AreReadWithTheirTargetCalibrationAndLimits()
    {
        using var config = new TestConfig("""
            {
              "targets": { "judge-model": { "kind": "openai", "endpoint": "http://127.0.0.1:9/v1", "model": "m", "allowInsecureHttp": true } },
              "judges": {
                "policy-judge": { "target": "judge-model", "calibration": "judge-calibration" },
                "strict-judge": { "target": "judge-model", "calibration": "judge-calibration", "minimumAccuracy": 0.95, "maxConcurrency": 2 }
              }
            }
            """);

        var judges = config.Load().Judges;

        judges.Should().Equal(
            new SemanticJudgeDefinition("policy-judge", "judge-model", "judge-calibration"),
            new SemanticJudgeDefinition("strict-judge", "judge-model", "judge-calibration") { MinimumAccuracy = 0.95, MaxConcurrency = 2 });
    }

    [Theory]
    [InlineData("""{ "judges": { "j": { "calibration": "c" } } }""", "*$.judges.j*\"target\" is missing*")]
    [InlineData("""{ "judges": { "j": { "target": "t", "calibration": "c", "minimumAcuracy": 0.9 } } }""", "*unknown property \"minimumAcuracy\"*Did you mean \"minimumAccuracy\"?*")]
    [InlineData("""{ "judges": { "j": { "target": "t", "calibration": "c", "minimumAccuracy": 0.4 } } }""", "*minimumAccuracy*")]
    [InlineData("""{ "judges": { "j": "t" } }""", "*$.judges.j*a judge must be an object*")]
    public void Judges_Malformed_NameThePlaceAndTheFix(string json, string message) =>
        TestConfig.Error(json).Message.Should().Match(message);

    [Fact]
    public void Docs_EveryJsonExampleInConfigurationMd_Loads()
    {
        var doc = File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "docs", "configuration.md"));
        var examples = System.Text.RegularExpressions.Regex.Matches(doc, "```json\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);

        examples.Should().NotBeEmpty();
        foreach (System.Text.RegularExpressions.Match example in examples)
        {
            using var config = new TestConfig(example.Groups[1].Value.Replace("\"systemPromptFile\": \"prompts/support.txt\"", "\"systemPrompt\": \"p\"", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(config.Directory, "tool-policy.json"), """{ "schema": "securereqs.tool-policy/v1", "roles": { "customer": { "tools": {} } } }""");
            config.Load().Targets.Should().NotBeEmpty(example.Value);
        }
    }
}
