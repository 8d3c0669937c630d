namespace SecureReqs.Endpoints;

/// <summary>An HTTP header a configured target sends with every request.</summary>
/// <param name="Name">The header's name.</param>
/// <param name="Value">The value: literal, or from an environment variable (a secret).</param>
public sealed record EndpointHeader(string Name, ConfiguredString Value);
