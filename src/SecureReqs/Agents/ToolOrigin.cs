namespace SecureReqs;

/// <summary>
/// Where a tool comes from when it is not the application's own code, such as a Model Context Protocol server. A tool
/// wrapper returns it from <c>AIFunction.GetService(typeof(ToolOrigin))</c>; <see cref="RecordingAIFunction"/> puts it in
/// the evidence of every invocation, so a finding says which server the tool belongs to.
/// </summary>
/// <param name="Description">The origin as evidence names it, such as <c>MCP server "files"</c>; never a secret.</param>
public sealed record ToolOrigin(string Description)
{
    /// <inheritdoc />
    public override string ToString() => Description;
}
