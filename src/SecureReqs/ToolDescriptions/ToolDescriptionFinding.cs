namespace SecureReqs;

/// <summary>One instruction aimed at the model found in a tool's description (tool-description poisoning).</summary>
/// <param name="Tool">The tool.</param>
/// <param name="Field">Where: <c>name</c>, <c>title</c>, <c>description</c>, or a place in the input schema such as
/// <c>inputSchema.properties.path.description</c>.</param>
/// <param name="Check">Which check found it, one of the names in <see cref="ToolDescriptionChecks"/>.</param>
/// <param name="Evidence">The passage, clipped, with PII and secrets masked and invisible characters shown as code points.</param>
public sealed record ToolDescriptionFinding(string Tool, string Field, string Check, string Evidence)
{
    /// <inheritdoc />
    public override string ToString() => $"{Tool} ({Field}): {Check}: \"{Evidence}\"";
}
