namespace SecureReqs;

/// <summary>One request a serving-layer check sends to a deployed endpoint.</summary>
/// <param name="Key">The credential sent.</param>
/// <param name="Message">The user message the request carries (in the target's own body shape).</param>
/// <param name="PlainHttp">Whether the request goes to the endpoint's plain-HTTP address instead of the endpoint;
/// such a request never carries a credential, whatever <paramref name="Key"/> says, so no secret crosses the network in clear.</param>
public sealed record ServingRequest(ServingKey Key, string Message, bool PlainHttp = false);
