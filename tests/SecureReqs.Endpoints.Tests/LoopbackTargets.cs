using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using SecureReqs.Testing;

namespace SecureReqs.Endpoints.Tests;

/// <summary>
/// A <see cref="ChatCompletionsServer"/> on 127.0.0.1 and the configured target "local" that calls it: an OpenAI-compatible
/// one or an http one, with retries off unless a test asks for them, the key from a fake environment, and a fake clock.
/// </summary>
public abstract class LoopbackTargets : IAsyncLifetime
{
    protected const string Key = "sk-test-7f1c0d2e9a8b4c6d";

    private const string Template = """{ "q": "{{prompt}}" }""";

    private TestConfig? _config;
    private EndpointTargets? _targets;

    protected WatchedTimeProvider Time { get; } = new();

    protected ChatCompletionsServer Server { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Server = await ChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _targets?.Dispose();
        _config?.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Every request is answered with this status, content type and body.</summary>
    protected void AnswerWith(int status, string? contentType, string body) => Server.OnRequest = async r =>
    {
        r.Context.Response.StatusCode = status;
        if (contentType is not null)
        {
            r.Context.Response.ContentType = contentType;
        }

        await r.Context.Response.WriteAsync(body);
        return true;
    };

    protected IChatClient OpenAITarget(string resilience = """{ "maxRetries": 0 }""", Uri? endpoint = null) => Create($$"""
        {
          "targets": {
            "local": {
              "kind": "openai",
              "endpoint": "{{endpoint ?? Server.OpenAIEndpoint}}",
              "model": "test-model",
              "apiKey": "env:TEST_LOCAL_KEY",
              "cache": false,
              "resilience": {{resilience}}
            }
          }
        }
        """);

    protected IChatClient HttpTarget(string responsePath = "reply.text", string? finishReasonPath = null) => Create($$"""
        {
          "targets": {
            "local": {
              "kind": "http",
              "endpoint": "{{new Uri(Server.Address, "api/chat")}}",
              "apiKey": "env:TEST_LOCAL_KEY",
              "body": {{Template}},
              "responsePath": "{{responsePath}}",
              {{(finishReasonPath is null ? "" : $"\"finishReasonPath\": \"{finishReasonPath}\",")}}
              "cache": false,
              "resilience": { "maxRetries": 0 }
            }
          }
        }
        """);

    /// <summary>An http target "local" at /api/chat with these properties besides its endpoint, key, cache and retries.</summary>
    protected IChatClient HttpTargetWith(string properties) => Create($$"""
        {
          "targets": {
            "local": {
              "kind": "http",
              "endpoint": "{{new Uri(Server.Address, "api/chat")}}",
              "apiKey": "env:TEST_LOCAL_KEY",
              "resilience": { "maxRetries": 0 },
              {{properties}}
            }
          }
        }
        """);

    /// <summary>The message of the <see cref="TargetRequestException"/> the request ends with, checked to be one plain line.</summary>
    protected static async Task<string> ErrorOf(Func<Task> request)
    {
        var error = (await request.Should().ThrowAsync<TargetRequestException>()).Which.Message;
        error.Should().NotContainAny(["\n", "\r", "Index was out of range", "Expected depth", "LineNumber", "BytePositionInLine", "Exception", Key]);
        return error;
    }

    private IChatClient Create(string json)
    {
        _config = new TestConfig(json);
        _targets = EndpointTargets.Create(_config.Load(), new EndpointTargetSettings
        {
            TimeProvider = Time,
            GetEnvironmentVariable = name => name == "TEST_LOCAL_KEY" ? Key : null,
        });
        return _targets.Definitions.Single().Factory();
    }
}
