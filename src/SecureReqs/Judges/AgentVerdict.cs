namespace SecureReqs;

/// <summary>What <see cref="AgentJudge"/> found in one case.</summary>
/// <param name="ToolFindings">Every policy finding on the calls that ran, whatever the oracle (the <c>tool-policy</c> oracle's findings, and what the absolute tool steps count).</param>
/// <param name="Executed">The calls judged as run: the invocations that ran (white-box), or the requested calls (black-box).</param>
/// <param name="TaskCompleted">Whether the user's own task was done (a task tool ran or was held for approval); null when the case has no task.</param>
/// <param name="ExfiltrationAttempted">Whether the model requested a call that broke the policy and carried protected data, whether or not it ran.</param>
/// <param name="Stopped">Whether the model requested a call the policy forbids that a control stopped.</param>
public sealed record AgentVerdict(
    IReadOnlyList<JudgeFinding> ToolFindings,
    IReadOnlyList<ToolCallRecord> Executed,
    bool? TaskCompleted,
    bool ExfiltrationAttempted,
    bool Stopped);
