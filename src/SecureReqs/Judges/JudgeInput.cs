namespace SecureReqs;

/// <summary>What a judge sees of one case: the case as sent, the answers, what the agent did, and what is known about the target.</summary>
/// <param name="Instance">The case as sent, with its planted values.</param>
/// <param name="Answers">The answers, one per answered user turn.</param>
/// <param name="Context">What the judges know about the target (system prompt, secrets, tool policy, documents).</param>
public sealed record JudgeInput(CaseInstance Instance, IReadOnlyList<string> Answers, JudgeContext Context)
{
    /// <summary>Who the case ran as.</summary>
    public CallerIdentity Caller { get; init; } = CallerIdentity.Default;

    /// <summary>The tool calls the model requested (or held for approval), over every turn.</summary>
    public IReadOnlyList<ToolCallRecord> RequestedCalls { get; init; } = [];

    /// <summary>The tool invocations the application's pipeline reported (white-box).</summary>
    public IReadOnlyList<ToolInvocationRecord> Invocations { get; init; } = [];

    /// <summary>The documents the pipeline reported handing to the model (white-box).</summary>
    public IReadOnlyList<RetrievalRecord> Retrievals { get; init; } = [];

    /// <summary>The reads and writes of the assistant's memory the pipeline reported (white-box).</summary>
    public IReadOnlyList<MemoryRecord> Memory { get; init; } = [];

    /// <summary>The user turns of the case as sent, in order, for judges that read an answer against its question.</summary>
    public IReadOnlyList<string> Questions => [.. Instance.Turns.Where(t => t.IsUser).Select(t => t.Content)];
}
