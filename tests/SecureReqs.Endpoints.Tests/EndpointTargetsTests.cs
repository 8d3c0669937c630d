#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using SecureReqs.Testing;

namespace SecureReqs.Endpoints.Tests;

// Every test here calls a real HTTP server on 127.0.0.1 through the official OpenAI client (or the generic HTTP
// client); time is a fake clock that the test advances exactly when the code waits. The timeouts only guard CI
// against a hang; no test asserts on wall-clock time.
public sealed class EndpointTargetsTests : IAsyncLifetime
{
    private const string Key = "sk-test-7f1c0d2e9a8b4c6d";
    private readonly WatchedTimeProvider _time = new();
    private ChatCompletionsServer _server = null!;
    private TestConfig? _config;
    private EndpointTargets? _targets;

    public async ValueTask InitializeAsync() => _server = await ChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _targets?.Dispose();
        _config?.Dispose();
        await _server.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task OpenAITarget_AnswersThroughTheOfficialClientWithKeyPromptAndUsage()
    {
        var client = Target(extra: """, "systemPrompt": "You are Larkspur's assistant. Code: OSPREY.", "systemPromptSecrets": ["OSPREY"]""");

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Where is my order?")], cancellationToken: Ct);

        response.Text.Should().Be("Thanks for your message: your request has been handled.");
        response.Usage!.TotalTokenCount.Should().Be(20);
        var request = _server.Received.Single();
        request.Path.Should().Be("/v1/chat/completions");
        request.Authorization.Should().Be("Bearer " + Key);
        request.Body!["model"]!.ToString().Should().Be("test-model");
        request.Roles.Should().Equal("system", "user");
        request.Body["messages"]![0]!["content"]!.ToString().Should().Be("You are Larkspur's assistant. Code: OSPREY.");
        _targets!.Definitions.Single().SystemPromptSecrets.Should().Equal("OSPREY");
    }

    [Fact(Timeout = 30_000)]
    public void Definition_PublicValues_ReachTheTargetAndTheJudges()
    {
        _config = new TestConfig(Json(_server.OpenAIEndpoint, apiKey: false, extra: """, "publicValues": ["support@larkspur.example", "env:HOTLINE"]"""));
        _targets = EndpointTargets.Create(_config.Load(), new EndpointTargetSettings { TimeProvider = _time, GetEnvironmentVariable = n => n == "HOTLINE" ? "+1 800 555 0199" : null, UseCache = false });

        var definition = _targets.Definitions.Single();

        definition.PublicValues.Should().Equal("support@larkspur.example", "+1 800 555 0199");
        JudgeContext.Of(definition).PublicValues.Should().Equal("support@larkspur.example", "+1 800 555 0199");
    }

    [Fact(Timeout = 30_000)]
    public async Task OpenAITarget_NoApiKey_SendsNoAuthorizationHeader()
    {
        var client = Target(apiKey: false);

        await client.GetResponseAsync("hello", cancellationToken: Ct);

        _server.Received.Single().Authorization.Should().BeNull();
    }

    [Fact(Timeout = 30_000)]
    public void Factory_MissingEnvironmentVariable_IsAClearErrorNamingTheVariable()
    {
        _config = new TestConfig(Json(_server.OpenAIEndpoint, apiKey: true));
        _targets = EndpointTargets.Create(_config.Load(), new EndpointTargetSettings { TimeProvider = _time, GetEnvironmentVariable = _ => null, UseCache = false });

        var act = () => _targets.Definitions.Single().Factory();

        act.Should().Throw<SecureReqsException>().WithMessage("*$.targets.local.apiKey: the environment variable TEST_LOCAL_KEY is not set*");
        _server.Requests.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerError_IsRetriedWithBackoffThenAnswered()
    {
        _server.OnRequest = async r =>
        {
            if (r.Number > 1)
            {
                return false;
            }

            r.Context.Response.StatusCode = 503;
            await r.Context.Response.WriteAsync("overloaded");
            return true;
        };
        var client = Target(resilience: """{ "maxRetries": 2, "retryDelaySeconds": 2, "timeoutSeconds": 60 }""");

        var pending = client.GetResponseAsync("hello", cancellationToken: Ct);
        var delay = await _time.NextTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(60));
        _time.Fake.Advance(delay);
        var response = await pending;

        response.Text.Should().NotBeEmpty();
        _server.Requests.Should().Be(2);
        delay.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(4), "the first retry waits about the base delay, with jitter");
    }

    [Fact(Timeout = 30_000)]
    public async Task TooManyRequests_WaitsExactlyTheRetryAfterThenAnswers()
    {
        _server.OnRequest = r =>
        {
            if (r.Number > 1)
            {
                return Task.FromResult(false);
            }

            r.Context.Response.StatusCode = 429;
            r.Context.Response.Headers.RetryAfter = "7";
            return Task.FromResult(true);
        };
        var client = Target(resilience: """{ "maxRetries": 1, "timeoutSeconds": 60 }""");

        var pending = client.GetResponseAsync("hello", cancellationToken: Ct);
        var delay = await _time.NextTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(60));
        _time.Fake.Advance(delay);
        await pending;

        delay.Should().Be(TimeSpan.FromSeconds(7));
        _server.Requests.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task TooManyRequests_RetryAfterLongerThanAllowed_IsAnErrorWithoutWaiting()
    {
        _server.OnRequest = r =>
        {
            r.Context.Response.StatusCode = 429;
            r.Context.Response.Headers.RetryAfter = "3600";
            return Task.FromResult(true);
        };
        var client = Target(resilience: """{ "maxRetries": 3, "maxRetryAfterSeconds": 60 }""");

        var act = () => client.GetResponseAsync("hello", cancellationToken: Ct);

        (await act.Should().ThrowAsync<TargetRequestException>()).Which.Message.Should().Contain("target \"local\": the endpoint is rate limiting with HTTP 429 Too Many Requests;");
        _server.Requests.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task PersistentServerError_EndsAsErroredCaseNamingTheStatusAndAttempts()
    {
        _server.OnRequest = async r =>
        {
            r.Context.Response.StatusCode = 500;
            await r.Context.Response.WriteAsync("{\"error\":\"boom\"}");
            return true;
        };
        var client = Target(resilience: """{ "maxRetries": 1, "retryDelaySeconds": 1, "timeoutSeconds": 60 }""");

        var pending = RunOneAsync(client);
        _time.Fake.Advance(await _time.NextTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(60)));
        var result = await pending;

        result.Outcome.Should().Be(Outcome.Errored);
        result.Error.Should().Contain("target \"local\": the endpoint answered HTTP 500 Internal Server Error, a server error, saying \"boom\" (after 2 attempts);");
        _server.Requests.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnreachableEndpoint_EndsAsErroredCase()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var client = Target(endpoint: new Uri($"http://127.0.0.1:{port}/v1"), resilience: """{ "maxRetries": 0 }""");

        var result = await RunOneAsync(client);

        result.Outcome.Should().Be(Outcome.Errored);
        result.Error.Should().Contain($"target \"local\": nothing is listening at 127.0.0.1:{port} (connection refused);");
    }

    [Fact(Timeout = 30_000)]
    public async Task MalformedJson_EndsAsErroredCaseAndIsNeverCached()
    {
        _server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "application/json";
            await r.Context.Response.WriteAsync("{\"choices\": [ {\"message\": ");
            return true;
        };
        var client = Target(resilience: """{ "maxRetries": 0 }""", cache: true);

        var first = await RunOneAsync(client);
        var second = await RunOneAsync(_targets!.CreateClient("local"));

        first.Outcome.Should().Be(Outcome.Errored);
        first.Error.Should().Contain("target \"local\": the answer was not valid JSON (it ended early, 26 bytes read);");
        second.Outcome.Should().Be(Outcome.Errored);
        _server.Requests.Should().Be(2, "an error is never cached");
    }

    [Fact(Timeout = 30_000)]
    public async Task HangPastTheTimeout_EndsAsErroredCase()
    {
        _server.OnRequest = async r =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, r.Context.RequestAborted);
            return true;
        };
        var client = Target(resilience: """{ "maxRetries": 0, "timeoutSeconds": 5 }""");

        var pending = RunOneAsync(client);
        await _server.WaitForRequestsAsync(1);
        _time.Fake.Advance(await _time.NextTimerAsync(d => d == TimeSpan.FromSeconds(5)));
        var result = await pending;

        result.Outcome.Should().Be(Outcome.Errored);
        result.Error.Should().Contain("target \"local\": the endpoint did not answer within 5 s");
    }

    [Fact(Timeout = 30_000)]
    public async Task BodyCutShort_EndsAsErroredCase()
    {
        _server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "application/json";
            r.Context.Response.ContentLength = 4000;
            await r.Context.Response.WriteAsync("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"partial");
            await r.Context.Response.Body.FlushAsync();
            r.Context.Abort();
            return true;
        };
        var client = Target(resilience: """{ "maxRetries": 0 }""");

        var result = await RunOneAsync(client);

        result.Outcome.Should().Be(Outcome.Errored);
        result.Error.Should().Contain("target \"local\": the connection to 127.0.0.1:").And.Contain(" closed before the whole answer arrived;");
    }

    [Fact(Timeout = 30_000)]
    public async Task Streaming_CompleteStream_IsAssembled()
    {
        var client = Target();

        var response = await client.GetStreamingResponseAsync("hello", cancellationToken: Ct).ToChatResponseAsync(Ct);

        response.Text.Should().Be("Thanks for your message: your request has been handled.");
        _server.Received.Single().Body!["stream"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task Streaming_TruncatedStream_IsAnErrorNotAShortAnswer()
    {
        _server.OnRequest = async r =>
        {
            await ChatCompletionsServer.WriteStreamAsync(r.Context, ["Your card ", "number is "], finish: false);
            return true;
        };
        var client = Target();

        var act = async () => await client.GetStreamingResponseAsync("hello", cancellationToken: Ct).ToChatResponseAsync(Ct);

        (await act.Should().ThrowAsync<TargetRequestException>()).Which.Message.Should().Contain("the streamed answer stopped before it was finished");
    }

    [Fact(Timeout = 30_000)]
    public async Task RequestsPerMinute_SpacesRequestsEvenly()
    {
        var client = Target(resilience: """{ "requestsPerMinute": 2, "maxConcurrentRequests": 4 }""");

        var requests = Enumerable.Range(0, 3).Select(i => client.GetResponseAsync($"hello {i}", cancellationToken: Ct)).ToList();
        await Task.WhenAny(requests);
        _time.Fake.Advance(TimeSpan.FromSeconds(29));
        var heldAfter29Seconds = requests.Count(r => !r.IsCompleted);
        _time.Fake.Advance(TimeSpan.FromSeconds(1));
        await _server.WaitForRequestsAsync(2);
        _time.Fake.Advance(TimeSpan.FromSeconds(30));
        await Task.WhenAll(requests);

        heldAfter29Seconds.Should().Be(2, "two requests per minute are 30 s apart");
        _server.Requests.Should().Be(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task MaxConcurrentRequests_KeepsOneRequestInFlightAtATime()
    {
        var inFlight = 0;
        var most = 0;
        _server.OnRequest = async r =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
            return false;
        };
        var client = Target(resilience: """{ "maxConcurrentRequests": 1 }""");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.GetResponseAsync($"hello {i}", cancellationToken: Ct)));

        most.Should().Be(1);
        _server.Requests.Should().Be(6);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task NoMaxConcurrentRequests_TheRunsConcurrencyIsTheRequestsInFlight(int concurrency)
    {
        // Requests wait until `concurrency` of them are in flight together: a lower limit would never get there.
        var inFlight = 0;
        var most = 0;
        var together = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.OnRequest = async r =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now == concurrency)
            {
                together.TrySetResult();
            }

            await together.Task.WaitAsync(Ct);
            Interlocked.Decrement(ref inFlight);
            return false;
        };
        var client = Create(Json(_server.OpenAIEndpoint, true, """{ "maxRetries": 0 }""", false, ""), concurrency: concurrency);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.GetResponseAsync($"hello {i}", cancellationToken: Ct)));

        most.Should().Be(concurrency, "--concurrency is the number of requests in flight to a configured target");
        _server.Requests.Should().Be(12);
    }

    [Fact(Timeout = 30_000)]
    public async Task ErrorsAndAnswers_NeverContainTheKey()
    {
        _server.OnRequest = async r =>
        {
            if (r.LastUserMessage == "answer")
            {
                await ChatCompletionsServer.WriteAnswerAsync(r.Context, "Your header was " + r.Authorization);
                return true;
            }

            r.Context.Response.StatusCode = 400;
            await r.Context.Response.WriteAsync("bad request, you sent " + r.Authorization);
            return true;
        };
        var client = Target(resilience: """{ "maxRetries": 0 }""");

        var error = await RunOneAsync(client, "error");
        var answer = await client.GetResponseAsync("answer", cancellationToken: Ct);

        _server.Received.Should().OnlyContain(r => r.Authorization == "Bearer " + Key);
        error.Error.Should().Contain("HTTP 400").And.Contain(SecretScrubber.Mask).And.NotContain(Key);
        answer.Text.Should().Be("Your header was Bearer " + SecretScrubber.Mask);
    }

    [Fact(Timeout = 30_000)]
    public async Task HttpTarget_FillsTheTemplateAndReadsTheAnswerAndUsage()
    {
        _server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "application/json";
            await r.Context.Response.WriteAsync($$"""{ "reply": { "text": "echo: {{r.Body!["question"]}}" }, "meta": { "tokens": 42 } }""");
            return true;
        };
        var client = HttpTarget("""{ "conversation": "{{messages}}", "question": "Q: {{prompt}}", "model": "{{model}}" }""", "reply.text");

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "first"), new ChatMessage(ChatRole.Assistant, "ok"), new ChatMessage(ChatRole.User, "second")], cancellationToken: Ct);

        response.Text.Should().Be("echo: Q: second");
        response.Usage!.TotalTokenCount.Should().Be(42);
        var body = _server.Received.Single();
        body.Path.Should().Be("/api/chat");
        body.Authorization.Should().Be("Bearer " + Key);
        body.Headers["X-Tenant"].Should().Be("qa");
        body.Body!["conversation"]!.AsArray().Select(m => m!["role"]!.ToString()).Should().Equal("user", "assistant", "user");
        body.Body["model"]!.ToString().Should().Be("app-v2");
    }

    [Fact(Timeout = 30_000)]
    public async Task HttpTarget_AnswerWithoutTheConfiguredField_EndsAsErroredCase()
    {
        _server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "application/json";
            await r.Context.Response.WriteAsync("""{ "error": "no answer" }""");
            return true;
        };
        var client = HttpTarget("""{ "q": "{{prompt}}" }""", "reply.text");

        var result = await RunOneAsync(client);

        result.Outcome.Should().Be(Outcome.Errored);
        result.Error.Should().Contain("target \"local\": the answer has no value at \"reply.text\" (the top level has no field \"reply\"); check \"responsePath\" in securereqs.json");
    }

    [Fact(Timeout = 30_000)]
    public async Task HttpTarget_ServerError_EndsAsErroredCaseNamingTheStatus()
    {
        _server.OnRequest = async r =>
        {
            r.Context.Response.StatusCode = 502;
            await r.Context.Response.WriteAsync("bad gateway");
            return true;
        };
        var client = HttpTarget("""{ "q": "{{prompt}}" }""", "reply.text");

        var result = await RunOneAsync(client);

        result.Outcome.Should().Be(Outcome.Errored);
        result.Error.Should().Be("target \"local\": the endpoint answered HTTP 502 Bad Gateway, a server error, saying \"bad gateway\"; check the server's logs, or raise \"maxRetries\" in \"resilience\" if the error comes and goes");
    }

    [Fact(Timeout = 30_000)]
    public async Task Cache_RepeatedRunMakesNoRequestsAndReplaysUsageAndLatency()
    {
        _server.OnRequest = async r =>
        {
            _time.Fake.Advance(TimeSpan.FromMilliseconds(250));
            await ChatCompletionsServer.WriteAnswerAsync(r.Context, "All good.");
            return true;
        };
        var client = Target(cache: true);

        var first = await RunOneAsync(client);
        var second = await RunOneAsync(_targets!.CreateClient("local"));

        _server.Requests.Should().Be(1);
        first.Requests.Single().Should().Be(new TargetRequest(TimeSpan.FromMilliseconds(250), first.Requests.Single().Usage));
        second.Requests.Single().Cached.Should().BeTrue();
        second.Requests.Single().Latency.Should().Be(TimeSpan.FromMilliseconds(250));
        second.Requests.Single().Tokens.Should().Be(20);
        Directory.EnumerateFiles(_config!.CacheDirectory, "*.json", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact(Timeout = 30_000)]
    public async Task Cache_TruncatedAnswer_IsNotCached()
    {
        _server.OnRequest = async r =>
        {
            await ChatCompletionsServer.WriteAnswerAsync(r.Context, "The answer is cut", finishReason: "length");
            return true;
        };
        var client = Target(cache: true);

        await client.GetResponseAsync("hello", cancellationToken: Ct);
        await _targets!.CreateClient("local").GetResponseAsync("hello", cancellationToken: Ct);

        _server.Requests.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cache_WithSecureReqsCacheKey_IsEncryptedAtRestAndStillReplays()
    {
        _server.Reply = _ => "Your order #55121 ships to 12 Elm Street.";
        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
        var client = Create(Json(_server.OpenAIEndpoint, cache: true), cacheKey: key);

        var first = await client.GetResponseAsync("Where is my order?", cancellationToken: Ct);
        var second = await _targets!.CreateClient("local").GetResponseAsync("Where is my order?", cancellationToken: Ct);

        _targets.Cache!.IsEncrypted.Should().BeTrue();
        second.Text.Should().Be(first.Text).And.Be("Your order #55121 ships to 12 Elm Street.");
        _server.Requests.Should().Be(1);
        var entry = Directory.EnumerateFiles(_config!.CacheDirectory, "*.json", SearchOption.AllDirectories).Single();
        System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(entry, Ct)).Should().NotContain("Elm Street").And.NotContain("Where is my order");
    }

    [Fact(Timeout = 30_000)]
    public void Cache_WithAShortSecureReqsCacheKey_IsAClearErrorBeforeAnyRequest()
    {
        _config = new TestConfig(Json(_server.OpenAIEndpoint, cache: true));

        var act = () => EndpointTargets.Create(_config.Load(), new EndpointTargetSettings { TimeProvider = _time, GetEnvironmentVariable = name => name == "SECUREREQS_CACHE_KEY" ? Convert.ToBase64String(new byte[16]) : null });

        act.Should().Throw<SecureReqsException>().WithMessage("SECUREREQS_CACHE_KEY holds 16 bytes*`openssl rand -base64 32`*");
        _server.Requests.Should().Be(0);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private Task<CaseResult> RunOneAsync(IChatClient client, string text = "Where is my order?")
    {
        var @case = new SecurityCase
        {
            Id = "case-1",
            Kind = CaseKind.Benign,
            Threat = "LLM02",
            Technique = "plain",
            Turns = [new CaseTurn("user", text)],
            Oracle = new CaseOracle(CaseOracle.Served, []),
        };
        var instance = new CaseInstance { Case = @case, Index = 0, Context = [], Turns = @case.Turns, Planted = [], Protected = [] };
        return new SecurityRun(client, new SecurityRunOptions { RequestTimeout = Timeout.InfiniteTimeSpan, TimeProvider = _time }).RunCaseAsync(instance, Ct);
    }

    private static string Json(Uri endpoint, bool apiKey = true, string resilience = "{}", bool cache = false, string extra = "") => $$"""
        {
          "targets": {
            "local": {
              "kind": "openai",
              "endpoint": "{{endpoint}}",
              "model": "test-model",
              {{(apiKey ? "\"apiKey\": \"env:TEST_LOCAL_KEY\"," : "")}}
              "cache": {{(cache ? "true" : "false")}},
              "resilience": {{resilience}}{{extra}}
            }
          }
        }
        """;

    private IChatClient Target(Uri? endpoint = null, bool apiKey = true, string resilience = "{}", bool cache = false, string extra = "") =>
        Create(Json(endpoint ?? _server.OpenAIEndpoint, apiKey, resilience, cache, extra));

    private IChatClient HttpTarget(string body, string responsePath) => Create($$"""
        {
          "targets": {
            "local": {
              "kind": "http",
              "endpoint": "{{new Uri(_server.Address, "api/chat")}}",
              "model": "app-v2",
              "apiKey": "env:TEST_LOCAL_KEY",
              "headers": { "X-Tenant": "qa" },
              "body": {{body}},
              "responsePath": "{{responsePath}}",
              "usage": { "totalTokens": "meta.tokens" },
              "resilience": { "maxRetries": 0 },
              "cache": false
            }
          }
        }
        """);

    private IChatClient Create(string json, string? cacheKey = null, int concurrency = 8)
    {
        _config = new TestConfig(json);
        _targets = EndpointTargets.Create(_config.Load(), new EndpointTargetSettings
        {
            TimeProvider = _time,
            Concurrency = concurrency,
            GetEnvironmentVariable = name => name switch
            {
                "TEST_LOCAL_KEY" => Key,
                DiskResponseCache.KeyVariable => cacheKey,
                _ => null,
            },
        });
        return _targets.Definitions.Single().Factory();
    }
}
