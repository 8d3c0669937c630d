namespace SecureReqs;

/// <summary>
/// Thrown by a tool that fronts a real system (a Model Context Protocol server) when the target's tool policy forbids
/// the call: the call is never sent. <see cref="RecordingAIFunction"/> records it as
/// <see cref="ToolInvocationStatus.Withheld"/>; function invocation hands the model an error instead of a result.
/// </summary>
public sealed class ToolCallWithheldException : SecureReqsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="reason">Why the policy forbids the call, such as "delete_file is outside the customer scope".</param>
    public ToolCallWithheldException(string tool, string reason)
        : base($"The call to {tool} was not sent: {reason}.")
    {
        Tool = tool;
        Reason = reason;
    }

    /// <summary>The tool.</summary>
    public string Tool { get; }

    /// <summary>Why the policy forbids the call.</summary>
    public string Reason { get; }
}
