using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using OpenAI;
using Polly;
using Polly.Retry;

namespace SecureReqs.Endpoints;

/// <summary>
/// What every scenario that uses one configured target shares: the HTTP client with its resilience pipeline
/// (concurrency limit, retries, requests-per-minute limit, per-attempt timeout — outermost first) and the raw chat client.
/// </summary>
internal sealed class EndpointConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly ReplenishingRateLimiter? _rateLimiter;
    private readonly ITimer? _replenisher;

    public EndpointConnection(EndpointTargetOptions options, TimeProvider time, Func<string, string?> environment, int concurrency = 8)
    {
        Options = options;
        var apiKey = options.ApiKey?.Resolve(environment);
        var headers = options.Headers.Select(h => (h.Name, Value: h.Value.Resolve(environment))).ToList();
        if (options.Kind == EndpointKind.Http && apiKey is not null)
        {
            headers.Add((options.ApiKeyHeader, options.ApiKeyHeader.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "Bearer " + apiKey : apiKey));
        }

        var callerKeys = options.CallerKeys.ToDictionary(
            k => k.Key,
            k => options.ApiKeyHeader.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "Bearer " + k.Value.Resolve(environment) : k.Value.Resolve(environment),
            StringComparer.Ordinal);
        Scrubber = new SecretScrubber([
            .. options.Headers.Zip(headers).Where(p => p.First.Value.IsSecret).Select(p => p.Second.Value),
            .. apiKey is null ? [] : new[] { apiKey },
            .. options.CallerKeys.Values.Select(k => k.Resolve(environment)),
        ]);

        var resilience = options.Resilience;
        resilience.Validate();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = options.Name, TimeProvider = time }
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = resilience.MaxConcurrentRequests ?? concurrency, QueueLimit = 100_000 });
        if (resilience.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = resilience.MaxRetries,
                Delay = resilience.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome) && !AsksToWaitTooLong(args.Outcome.Result, resilience.MaxRetryAfter, time)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (resilience.RequestsPerMinute > 0)
        {
            // Requests are spaced evenly, one token every minute / N. The bucket is refilled by a timer of the injected
            // clock: the limiter's own replenishment would follow the wall clock.
            _rateLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromTicks(1),
                AutoReplenishment = false,
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            var limiter = _rateLimiter;
            var spacing = TimeSpan.FromTicks(TimeSpan.TicksPerMinute / resilience.RequestsPerMinute);
            _replenisher = time.CreateTimer(_ => limiter.TryReplenish(), null, spacing, spacing);
            pipeline.AddRateLimiter(_rateLimiter);
        }

        pipeline.AddTimeout(resilience.Timeout);
        // No cookie container: cookies would be shared by every case; a session cookie is kept per conversation instead.
        var transport = new SocketsHttpHandler { UseCookies = false, ConnectTimeout = resilience.Timeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All };
        if (options.Endpoint.Scheme == Uri.UriSchemeHttps && CertificatePin.Callback(options.TlsCertificateSha256?.Resolve(environment)) is { } pin)
        {
            transport.SslOptions.RemoteCertificateValidationCallback = pin;
        }

        var handler = new ResilienceHandler(pipeline.Build()) { InnerHandler = new EndpointHandler(headers, removeAuthorization: options.Kind == EndpointKind.OpenAI && apiKey is null, options.Kind, transport) { CallerKeys = callerKeys, KeyHeader = options.ApiKeyHeader, UserHeader = options.UserHeader, CallerHeaders = options.CallerHeaders } };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };

        Client = options.Kind switch
        {
            EndpointKind.OpenAI => CreateOpenAI(options, apiKey, _http),
            _ => new HttpJsonChatClient(options, _http),
        };
    }

    public EndpointTargetOptions Options { get; }

    public SecretScrubber Scrubber { get; }

    /// <summary>The raw client; shared, never disposed by a scenario.</summary>
    public IChatClient Client { get; }

    public void Dispose()
    {
        _replenisher?.Dispose();
        _rateLimiter?.Dispose();
        _http.Dispose();
    }

    private static IChatClient CreateOpenAI(EndpointTargetOptions options, string? apiKey, HttpClient http)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            Transport = new HttpClientPipelineTransport(http),
            // Retries and timeouts belong to the resilience pipeline (which uses the injected clock), not to the client.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };

        // A local server often needs no key; the placeholder's Authorization header is removed before sending.
        return new OpenAIClient(new ApiKeyCredential(apiKey ?? "no-key"), clientOptions).GetChatClient(options.Model).AsIChatClient();
    }

    private static bool AsksToWaitTooLong(HttpResponseMessage? response, TimeSpan max, TimeProvider time) =>
        RetryAfter(response, time) is { } wait && wait > max;

    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
