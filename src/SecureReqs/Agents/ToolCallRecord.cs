namespace SecureReqs;

/// <summary>A tool call the target's model requested (a <c>FunctionCallContent</c> in its responses), or asked a person to approve.</summary>
/// <param name="Tool">The tool's name.</param>
/// <param name="Arguments">The arguments, as compact JSON.</param>
/// <param name="Turn">The 1-based user turn whose response carried it.</param>
/// <param name="ApprovalRequest">Whether the call was held for approval (a <c>ToolApprovalRequestContent</c>) instead of being run.</param>
public sealed record ToolCallRecord(string Tool, string Arguments, int Turn, bool ApprovalRequest = false)
{
    /// <inheritdoc />
    public override string ToString() => $"{Tool}({Arguments}){(ApprovalRequest ? " held for approval" : "")}";
}
