#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using Microsoft.Extensions.AI;
using SecureReqs.Endpoints;

namespace SecureReqs.Demo.Server.Tests;

// The serving-layer checks against the demo app on 127.0.0.1: the guarded build (HTTPS with a self-signed certificate,
// a plain-HTTP listener that only redirects, keys checked on every route, a read-only key that runs no tool, a rate
// limit per key) passes each; the naive build (plain HTTP, fail-open keys, no rate limit) fails each with evidence.
public sealed class ServingLayerTests : IAsyncLifetime
{
    private const string CustomerKey = "customer-key-0123456789";
    private const string ReadOnlyKey = "readonly-key-0123456789";
    private const string TrialKey = "trial-key-0123456789ab";

    private static readonly DemoApiKey[] Keys =
    [
        new(CustomerKey, "customer"),
        new(ReadOnlyKey, "customer") { ReadOnly = true },
        new(TrialKey, "customer") { RequestsPerMinute = 5 },
    ];

    private readonly List<IDisposable> _disposables = [];
    private DemoServer _guarded = null!;
    private DemoServer _naive = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _guarded = await DemoServer.StartAsync(new DemoServerOptions { Build = DemoBuild.Guarded, Keys = Keys, Https = true });
        _naive = await DemoServer.StartAsync(new DemoServerOptions { Build = DemoBuild.Naive, Keys = Keys });
    }

    public async ValueTask DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        await _guarded.DisposeAsync();
        await _naive.DisposeAsync();
    }

    public static TheoryData<string> Checks => ["no credentials", "invalid key", "read-only key", "plain http", "rate"];

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Checks))]
    public async Task Guarded_PassesEveryServingCheck(string check)
    {
        var result = await Create(check).EvaluateAsync(new StoryEvidence(null, Target(_guarded)), Ct);

        result.Verdict.Should().Be(Verdict.Pass, result.Message);
        result.Message.Should().NotContainAny(CustomerKey, ReadOnlyKey, TrialKey);
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Checks))]
    public async Task Naive_FailsEveryServingCheckWithEvidence(string check)
    {
        var result = await Create(check).EvaluateAsync(new StoryEvidence(null, Target(_naive)), Ct);

        result.Verdict.Should().Be(Verdict.Fail, result.Message);
        result.Message.Should().Contain("-> HTTP 200").And.Contain($"POST {_naive.ChatEndpoint}").And.NotContainAny(CustomerKey, ReadOnlyKey, TrialKey);
    }

    [Fact(Timeout = 60_000)]
    public async Task Guarded_PlainHttp_RedirectsToTheSamePathOverHttps()
    {
        var result = await new NotServedOverPlainHttp().EvaluateAsync(new StoryEvidence(null, Target(_guarded)), Ct);

        result.Message.Should().Contain($"Location: {_guarded.ChatEndpoint}").And.Contain("HTTP 308");
        _guarded.ChatEndpoint.Scheme.Should().Be("https");
    }

    [Fact(Timeout = 60_000)]
    public async Task Guarded_OverHttpsWithTheCertificatePinned_AnswersTheStoryClient()
    {
        var client = Target(_guarded).Factory();

        var answer = await client.GetResponseAsync("Hello, what are your opening hours?", cancellationToken: Ct);

        answer.Text.Should().NotBeEmpty();
    }

    private static ServingCheck Create(string check) => check switch
    {
        "no credentials" => new RefusesWithoutValidCredentials(ServingKey.None),
        "invalid key" => new RefusesWithoutValidCredentials(ServingKey.Invalid),
        "read-only key" => new ReadOnlyKeyRunsNoTool(),
        "plain http" => new NotServedOverPlainHttp(),
        _ => new ThrottlesBeyondRate(5, TimeSpan.FromMinutes(1), "minute"),
    };

    // The sample's declaration of the demo app, pointed at this server: its keys, its certificate, its plain-HTTP address.
    private TargetDefinition Target(DemoServer server)
    {
        var https = server.CertificateSha256 is not null;
        var folder = Directory.CreateTempSubdirectory("securereqs-serving-").FullName;
        var file = Path.Combine(folder, "securereqs.json");
        File.WriteAllText(file, $$$"""
            {
              "targets": {
                "demo": {
                  "kind": "http",
                  "endpoint": "{{{server.ChatEndpoint}}}",
                  {{{(https ? $"\"tlsCertificateSha256\": \"{server.CertificateSha256}\"," : "")}}}
                  "apiKey": "env:KEY",
                  "apiKeyHeader": "X-Api-Key",
                  "body": { "messages": "{{messages}}" },
                  "responsePath": "reply",
                  "toolCallsPath": "tool_calls",
                  "serving": {
                    {{{(https ? $"\"plainHttpEndpoint\": \"{new Uri(server.PlainHttpAddress!, "api/chat")}\"," : "")}}}
                    "readOnlyKey": "env:READONLY_KEY",
                    "rateLimitKey": "env:TRIAL_KEY"
                  },
                  "resilience": { "maxRetries": 0 }
                }
              }
            }
            """);
        var targets = EndpointTargets.Create(SecureReqsConfiguration.Load(file), new EndpointTargetSettings
        {
            UseCache = false,
            GetEnvironmentVariable = name => name switch { "KEY" => CustomerKey, "READONLY_KEY" => ReadOnlyKey, "TRIAL_KEY" => TrialKey, _ => null },
        });
        _disposables.Add(targets);
        Directory.Delete(folder, recursive: true);
        return targets.Definitions.Single();
    }
}
