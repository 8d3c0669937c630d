namespace SecureReqs;

/// <summary>Which credential a serving-layer probe sends.</summary>
public enum ServingKey
{
    /// <summary>No credential at all: no key header, no Authorization header, no cookie.</summary>
    None,

    /// <summary>A well-formed key that the server never issued (random, seeded).</summary>
    Invalid,

    /// <summary>The target's own key (<c>apiKey</c>).</summary>
    Valid,

    /// <summary>The key the target declares read-only (<c>serving.readOnlyKey</c>).</summary>
    ReadOnly,

    /// <summary>The key whose requests the rate check counts (<c>serving.rateLimitKey</c>, else <c>apiKey</c>).</summary>
    RateLimited,
}
