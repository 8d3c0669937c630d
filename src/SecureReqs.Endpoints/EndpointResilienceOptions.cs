namespace SecureReqs.Endpoints;

/// <summary>
/// How a configured target is called: per-attempt timeout, retries with exponential backoff and jitter on 408, 429, 5xx
/// and transient network errors (honouring <c>Retry-After</c>), a requests-per-minute limit and bounded concurrency.
/// The limits hold per target across every story that runs in the process.
/// </summary>
public sealed class EndpointResilienceOptions
{
    /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a failed attempt is retried; 0 turns retries off.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> the endpoint may ask for; a longer one ends the request as an error instead of waiting.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most requests (retries included) started per minute; 0 for no limit. Requests are spaced evenly, one every
    /// minute / N, and wait their turn (the wait does not count toward the timeout).
    /// </summary>
    /// <value>The default value is 0.</value>
    public int RequestsPerMinute { get; set; }

    /// <summary>The most requests in flight at once to this target, whatever the run's <c>--concurrency</c>; null to
    /// follow the run's concurrency (<see cref="EndpointTargetSettings.Concurrency"/>).</summary>
    /// <value>The default value is null.</value>
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>Checks the options once.</summary>
    /// <exception cref="SecureReqsException">An option is out of range.</exception>
    public void Validate()
    {
        Check(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromHours(1), "timeoutSeconds must be more than 0 and at most 3600");
        Check(MaxRetries is >= 0 and <= 10, "maxRetries must be between 0 and 10");
        Check(RetryDelay > TimeSpan.Zero && RetryDelay <= TimeSpan.FromMinutes(1), "retryDelaySeconds must be more than 0 and at most 60");
        Check(MaxRetryAfter >= TimeSpan.Zero && MaxRetryAfter <= TimeSpan.FromHours(1), "maxRetryAfterSeconds must be between 0 and 3600");
        Check(RequestsPerMinute is >= 0 and <= 1_000_000, "requestsPerMinute must be between 0 (no limit) and 1000000");
        Check(MaxConcurrentRequests is null or (>= 1 and <= 256), "maxConcurrentRequests must be between 1 and 256");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new SecureReqsException($"Invalid resilience option: {message}.");
        }
    }
}
