using System.Text.Json;

namespace SecureReqs;

/// <summary>One tool as a tool server describes it to the model: every text here reaches the model's context.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Description">The tool's description, or null.</param>
/// <param name="InputSchema">The JSON schema of its arguments (parameter names, descriptions, titles, defaults, enums, examples).</param>
public sealed record ToolDescription(string Name, string? Description, JsonElement InputSchema)
{
    /// <summary>The tool's display title, or null.</summary>
    /// <value>The default value is null.</value>
    public string? Title { get; init; }
}
