namespace SecureReqs.Endpoints;

/// <summary>What a target's <c>serving</c> declares for the serving-layer checks (see <c>docs/configuration.md</c>).</summary>
public sealed class EndpointServingOptions
{
    /// <summary>A key the deployment issues as read-only, from the environment (<c>env:NAME</c>), or null.</summary>
    public ConfiguredString? ReadOnlyKey { get; init; }

    /// <summary>The key the rate check sends (<c>env:NAME</c>); null for the target's <c>apiKey</c>.</summary>
    public ConfiguredString? RateLimitKey { get; init; }

    /// <summary>Where plain HTTP is tried; null for the endpoint when it is <c>http://</c>, else its <c>http://</c> twin
    /// (port 80 for an endpoint on 443, else the same port).</summary>
    public Uri? PlainHttpEndpoint { get; init; }
}
