namespace SecureReqs;

/// <summary>The target a story ran against, as the evidence pack records it (never a key or a full URL).</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Kind">"openai", "http", "demo" or "code".</param>
/// <param name="EndpointHost">The endpoint's host, or null in process.</param>
/// <param name="Model">The model, or null.</param>
public sealed record StoryTarget(string Name, string Kind, string? EndpointHost, string? Model);
