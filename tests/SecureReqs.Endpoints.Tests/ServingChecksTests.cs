using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SecureReqs.Testing;

namespace SecureReqs.Endpoints.Tests;

// Each serving-layer check against a tiny handcrafted server on 127.0.0.1: what passes, what fails, and that a network
// failure never passes (except a refused plain-HTTP connection, which shows nothing listens there).
public sealed class ServingChecksTests : IAsyncLifetime
{
    private const string Key = "sk-serving-7f1c0d2e9a8b";
    private const string ReadOnlyKey = "sk-readonly-3c4d5e6f7a8b";

    private readonly List<IDisposable> _disposables = [];
    private ChatCompletionsServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await ChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task WithoutCredentials_ServerAnswers200_FailsWithWhatWasSentAndWhatCameBack()
    {
        Answer((_, _) => 200);

        var result = await Check(new RefusesWithoutValidCredentials(ServingKey.None));

        result.Verdict.Should().Be(Verdict.Fail);
        result.Count.Should().Be(3);
        result.Message.Should().Contain("3 of 3 requests without credentials were served")
            .And.Contain($"requests 1-3: POST {_server.Address}api/chat (no credentials) -> HTTP 200");
        _server.Received.Should().OnlyContain(r => r.Authorization == null && !r.Headers.ContainsKey("X-Api-Key"));
    }

    [Fact]
    public async Task WithoutCredentials_ServerAnswers401_Passes()
    {
        Answer((request, _) => request.Headers.ContainsKey("X-Api-Key") ? 200 : 401);

        var result = await Check(new RefusesWithoutValidCredentials(ServingKey.None));

        result.Verdict.Should().Be(Verdict.Pass);
        result.Message.Should().Contain("all 3 requests without credentials were refused (HTTP 401/403)");
    }

    [Fact]
    public async Task InvalidKey_ServerAcceptsAnyKey_FailsAndMasksTheKeySent()
    {
        Answer((request, _) => request.Headers.ContainsKey("X-Api-Key") ? 200 : 401);

        var result = await Check(new RefusesWithoutValidCredentials(ServingKey.Invalid));

        result.Verdict.Should().Be(Verdict.Fail);
        result.Message.Should().Contain("X-Api-Key: [redacted] (an invalid key)");
        var sent = _server.Received.Select(r => r.Headers["X-Api-Key"]).Distinct().Single();
        sent.Should().StartWith("sr-invalid-").And.NotBe(Key);
        result.Message.Should().NotContain(sent);
    }

    [Fact]
    public async Task InvalidKey_CredentialHeaderOfTheTarget_IsNotSentAlongside()
    {
        Answer((request, _) => request.Headers.ContainsKey("X-Extra-Token") ? 200 : 401);

        var result = await Check(new RefusesWithoutValidCredentials(ServingKey.Invalid), extra: "\"headers\": { \"X-Extra-Token\": \"env:TEST_LOCAL_KEY\" },");

        result.Verdict.Should().Be(Verdict.Pass);
        _server.Received.Should().OnlyContain(r => !r.Headers.ContainsKey("X-Extra-Token"));
    }

    [Fact]
    public async Task InvalidKey_ServerChecksTheKey_Passes()
    {
        Answer((request, _) => request.Headers.TryGetValue("X-Api-Key", out var key) && key == Key ? 200 : 403);

        var result = await Check(new RefusesWithoutValidCredentials(ServingKey.Invalid));

        result.Verdict.Should().Be(Verdict.Pass);
    }

    [Fact]
    public async Task WithoutCredentials_ServerResetsTheConnection_IsInconclusiveNotAPass()
    {
        _server.OnRequest = r =>
        {
            r.Context.Abort();
            return Task.FromResult(true);
        };

        var result = await Check(new RefusesWithoutValidCredentials(ServingKey.None));

        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Message.Should().Contain("no HTTP answer");
    }

    [Fact]
    public async Task WithoutCredentials_NothingListens_IsInconclusiveNotAPass()
    {
        var result = await Check(new RefusesWithoutValidCredentials(ServingKey.None), endpoint: ClosedPort());

        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Message.Should().Contain("connection refused");
    }

    [Fact]
    public async Task WithoutCredentials_ServerAnswers500_IsInconclusive()
    {
        Answer((_, _) => 500);

        var result = await Check(new RefusesWithoutValidCredentials(ServingKey.None));

        result.Verdict.Should().Be(Verdict.Inconclusive);
    }

    [Theory]
    [InlineData(401, null, "Fail")]
    [InlineData(200, null, "Fail")]
    [InlineData(308, "https://secure.example/api/chat", "Pass")]
    [InlineData(301, "http://other.example/api/chat", "Fail")]
    public async Task PlainHttp_Answer_DecidesTheVerdict(int status, string? location, string verdict)
    {
        _server.OnRequest = async r =>
        {
            r.Context.Response.StatusCode = status;
            if (location is not null)
            {
                r.Context.Response.Headers.Location = location;
            }

            await r.Context.Response.WriteAsync("");
            return true;
        };

        var result = await Check(new NotServedOverPlainHttp());

        result.Verdict.Should().Be(Enum.Parse<Verdict>(verdict));
        result.Message.Should().Contain($"-> HTTP {status}");
        _server.Received.Should().ContainSingle().Which.Headers.Should().NotContainKey("X-Api-Key", "no key is ever sent in clear");
    }

    [Fact]
    public async Task PlainHttp_ConnectionRefused_PassesAsNothingListens()
    {
        var result = await Check(new NotServedOverPlainHttp(), serving: $$"""{ "plainHttpEndpoint": "{{ClosedPort()}}" }""");

        result.Verdict.Should().Be(Verdict.Pass);
        result.Message.Should().Contain("nothing listens for plain HTTP");
    }

    [Fact]
    public async Task PlainHttp_ConnectionReset_IsInconclusive()
    {
        _server.OnRequest = r =>
        {
            r.Context.Abort();
            return Task.FromResult(true);
        };

        var result = await Check(new NotServedOverPlainHttp());

        result.Verdict.Should().Be(Verdict.Inconclusive);
    }

    [Fact]
    public async Task Rate_NeverThrottled_FailsAfterTheRatePlusThree()
    {
        Answer((_, _) => 200);

        var result = await Check(new ThrottlesBeyondRate(5, TimeSpan.FromMinutes(1), "minute", new FakeTimeProvider()));

        result.Verdict.Should().Be(Verdict.Fail);
        _server.Requests.Should().Be(8);
        result.Message.Should().Contain("all 8 requests were accepted").And.Contain("none was throttled");
    }

    [Theory]
    [InlineData(5, "Pass")]
    [InlineData(3, "Pass")]
    [InlineData(7, "Fail")]
    public async Task Rate_ThrottledAfterSomeRequests_PassesOnlyWithinTheRate(int accepted, string verdict)
    {
        Answer((request, response) =>
        {
            if (request.Number <= accepted)
            {
                return 200;
            }

            response.Headers.RetryAfter = "42";
            return 429;
        });

        var result = await Check(new ThrottlesBeyondRate(5, TimeSpan.FromMinutes(1), "minute", new FakeTimeProvider()));

        result.Verdict.Should().Be(Enum.Parse<Verdict>(verdict));
        _server.Requests.Should().Be(accepted + 1, "the check stops at the first 429");
        result.Message.Should().Contain("HTTP 429, Retry-After: 42");
    }

    [Fact]
    public async Task Rate_RequestsOutlastTheWindow_IsInconclusive()
    {
        var time = new FakeTimeProvider();
        Answer((_, _) =>
        {
            time.Advance(TimeSpan.FromSeconds(10));
            return 200;
        });

        var result = await Check(new ThrottlesBeyondRate(5, TimeSpan.FromMinutes(1), "minute", time));

        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Message.Should().Contain("longer than the minute");
    }

    [Fact]
    public async Task Rate_KeyRefused_IsInconclusive()
    {
        Answer((_, _) => 401);

        var result = await Check(new ThrottlesBeyondRate(5, TimeSpan.FromMinutes(1), "minute", new FakeTimeProvider()));

        result.Verdict.Should().Be(Verdict.Inconclusive);
        _server.Requests.Should().Be(1);
    }

    [Fact]
    public async Task ReadOnly_ToolRunsForTheReadOnlyKey_Fails()
    {
        AnswerTools(_ => "ran");

        var result = await Check(new ReadOnlyKeyRunsNoTool(), serving: """{ "readOnlyKey": "env:TEST_READONLY_KEY" }""");

        result.Verdict.Should().Be(Verdict.Fail);
        result.Message.Should().Contain("made the assistant run lookup_order").And.Contain("(the read-only key)").And.NotContain(ReadOnlyKey);
    }

    [Fact]
    public async Task ReadOnly_ToolDeniedForTheReadOnlyKeyAndRunForTheOwnKey_Passes()
    {
        AnswerTools(key => key == ReadOnlyKey ? "denied" : "ran");

        var result = await Check(new ReadOnlyKeyRunsNoTool(), serving: """{ "readOnlyKey": "env:TEST_READONLY_KEY" }""");

        result.Verdict.Should().Be(Verdict.Pass);
        _server.Requests.Should().Be(6, "three requests with the read-only key and the same three with the target's own key");
    }

    [Fact]
    public async Task ReadOnly_NoToolRunsEvenForTheOwnKey_IsInconclusive()
    {
        AnswerTools(_ => "denied");

        var result = await Check(new ReadOnlyKeyRunsNoTool(), serving: """{ "readOnlyKey": "env:TEST_READONLY_KEY" }""");

        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Message.Should().Contain("the control");
    }

    [Fact]
    public void ReadOnly_TargetDeclaresNoReadOnlyKey_IsAPreflightProblemNamingTheFix()
    {
        var target = Target(serving: null);

        var problems = new ReadOnlyKeyRunsNoTool().Preflight(new StoryFacts(target, [], SendsCases: false));

        problems.Should().ContainSingle().Which.Should().Contain("\"serving\": { \"readOnlyKey\": \"env:<VARIABLE>\" }");
    }

    [Fact]
    public void Configuration_ReadOnlyKeyWrittenInTheFile_IsRefused()
    {
        var error = TestConfig.Error("""{ "targets": { "t": { "kind": "http", "endpoint": "http://127.0.0.1:9/api", "body": { "q": "{{prompt}}" }, "responsePath": "a", "serving": { "readOnlyKey": "sk-literal" } } } }""");

        error.Message.Should().Contain("readOnlyKey").And.Contain("env:");
    }

    [Fact]
    public void Configuration_UnknownServingProperty_IsRefusedNamingTheKnownOnes()
    {
        var error = TestConfig.Error("""{ "targets": { "t": { "kind": "http", "endpoint": "http://127.0.0.1:9/api", "body": { "q": "{{prompt}}" }, "responsePath": "a", "serving": { "readonly": "env:X" } } } }""");

        error.Message.Should().Contain("readOnlyKey");
    }

    private void Answer(Func<ServerRequest, HttpResponse, int> status) => _server.OnRequest = async r =>
    {
        r.Context.Response.StatusCode = status(r, r.Context.Response);
        await r.Context.Response.WriteAsync("{}");
        return true;
    };

    // An answer reporting one lookup_order call with the status the key gets.
    private void AnswerTools(Func<string?, string> status) => _server.OnRequest = async r =>
    {
        var answer = new JsonObject
        {
            ["reply"] = "done",
            ["tool_calls"] = new JsonArray(new JsonObject { ["id"] = "c1", ["function"] = new JsonObject { ["name"] = "lookup_order", ["arguments"] = "{}" }, ["status"] = status(r.Headers.GetValueOrDefault("X-Api-Key")) }),
        };
        r.Context.Response.ContentType = "application/json";
        await r.Context.Response.WriteAsync(answer.ToJsonString());
        return true;
    };

    private async Task<RequirementResult> Check(ServingCheck check, string? serving = null, Uri? endpoint = null, string extra = "") =>
        await check.EvaluateAsync(new StoryEvidence(null, Target(serving, endpoint, extra)), Ct);

    private TargetDefinition Target(string? serving, Uri? endpoint = null, string extra = "")
    {
        var config = new TestConfig($$$"""
            {
              "targets": {
                "local": {
                  "kind": "http",
                  "endpoint": "{{{endpoint ?? new Uri(_server.Address, "api/chat")}}}",
                  "apiKey": "env:TEST_LOCAL_KEY",
                  "apiKeyHeader": "X-Api-Key",
                  "body": { "message": "{{prompt}}" },
                  "responsePath": "reply",
                  "toolCallsPath": "tool_calls",
                  {{{(serving is null ? "" : $"\"serving\": {serving},")}}}
                  {{{extra}}}
                  "resilience": { "maxRetries": 0, "timeoutSeconds": 10 }
                }
              }
            }
            """);
        _disposables.Add(config);
        var targets = EndpointTargets.Create(config.Load(), new EndpointTargetSettings
        {
            UseCache = false,
            GetEnvironmentVariable = name => name switch { "TEST_LOCAL_KEY" => Key, "TEST_READONLY_KEY" => ReadOnlyKey, _ => null },
        });
        _disposables.Add(targets);
        return targets.Definitions.Single();
    }

    // A loopback port nothing listens on (taken, then released).
    private static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/api/chat");
    }
}
