namespace SecureReqs;

/// <summary>A policy's decision on one tool call.</summary>
/// <param name="Tool">The tool.</param>
/// <param name="Role">The caller's role.</param>
/// <param name="Violations">Why the call breaks the policy; empty when it is allowed.</param>
/// <param name="RequiresApproval">Whether the tool may only run after a person approved the call.</param>
public sealed record ToolPolicyDecision(string Tool, string Role, IReadOnlyList<ToolViolation> Violations, bool RequiresApproval)
{
    /// <summary>Whether the call is within the policy (approval aside).</summary>
    public bool Allowed => Violations.Count == 0;

    /// <summary>The violations in one line.</summary>
    public string Reason => string.Join("; ", Violations.Select(v => v.Detail));
}
