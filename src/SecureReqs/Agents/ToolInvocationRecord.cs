namespace SecureReqs;

/// <summary>One tool invocation the application's pipeline attempted, as a recording hook saw it.</summary>
/// <param name="Tool">The tool's name.</param>
/// <param name="CallId">The model's call id, when known.</param>
/// <param name="Arguments">The arguments, as compact JSON.</param>
/// <param name="Status">Whether the tool ran or a control stopped it.</param>
/// <param name="Detail">Why a control stopped it, or the result's first characters; never a secret from configuration.</param>
public sealed record ToolInvocationRecord(string Tool, string? CallId, string Arguments, ToolInvocationStatus Status, string? Detail = null)
{
    /// <summary>Whether the tool actually ran.</summary>
    public bool Ran => Status is ToolInvocationStatus.Ran or ToolInvocationStatus.Failed;

    /// <summary>
    /// Whether the application's pipeline invoked the tool with nothing of its own stopping it: it ran, or SecureReqs
    /// withheld it from the tool's server (<see cref="ToolInvocationStatus.Withheld"/>). Policy findings are judged on these.
    /// </summary>
    public bool Invoked => Ran || Status == ToolInvocationStatus.Withheld;

    /// <summary>Where the tool came from when it is not the application's own code, such as <c>MCP server "files"</c>; null otherwise.</summary>
    /// <value>The default value is null.</value>
    public string? Origin { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Tool}({Arguments}){(Origin is null ? "" : " from " + Origin)} {Status.ToString().ToLowerInvariant()}{(Detail is null ? "" : ": " + Detail)}";
}
