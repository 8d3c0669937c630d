namespace SecureReqs.Endpoints;

/// <summary>How configured targets are built in this process: the clock, the response cache and where secrets come from.</summary>
public sealed class EndpointTargetSettings
{
    /// <summary>Gets or sets how many requests are in flight at once to each configured target that declares no
    /// <c>maxConcurrentRequests</c> of its own: the run's <c>--concurrency</c>.</summary>
    /// <value>The default value is 8.</value>
    public int Concurrency { get; set; } = 8;

    /// <summary>The clock for timeouts, retry delays, rate limits and latency.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether answers are kept in and replayed from the response cache (targets may still opt out with <c>"cache": false</c>).</summary>
    /// <value>The default value is true.</value>
    public bool UseCache { get; set; } = true;

    /// <summary>Gets or sets whether configured targets answer only from the response cache (a replay of a recorded
    /// run): nothing is sent, and a request the cache holds no answer for is an error. Needs <see cref="UseCache"/>.</summary>
    public bool ReplayOnly { get; set; }

    /// <summary>The response cache folder, or null for the configuration's (<c>.securereqs/cache</c> beside securereqs.json).</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Reads an environment variable (API keys, secret headers, and <c>SECUREREQS_CACHE_KEY</c>, the response cache's encryption key).</summary>
    /// <value>The default value is <see cref="Environment.GetEnvironmentVariable(string)"/>.</value>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;
}
