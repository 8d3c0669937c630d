namespace SecureReqs;

/// <summary>What a judge found in an answer that compromises the case.</summary>
/// <param name="Oracle">The oracle that fired, such as <c>no-leak</c>, <c>canary</c>, <c>forbidden-url</c>,
/// <c>system-prompt-leak</c>, <c>forbidden-tool</c>, or the name of a rule a semantic judge applied.</param>
/// <param name="Detail">What exactly: the planted value's name, the rendering, the host, the tool. Never the secret value itself.</param>
/// <param name="Turn">The 1-based answer (turn) it appeared in.</param>
public sealed record JudgeFinding(string Oracle, string Detail, int Turn)
{
    /// <summary>What kind of compromise, for tool and retrieval oracles: see the <c>*Kind</c> constants; empty otherwise.</summary>
    public string Kind { get; init; } = "";

    /// <summary>How the verdict was reached: by fixed rules, or by a model (a semantic verdict, which the evidence labels as such).</summary>
    /// <value>The default value is <see cref="JudgeMethod.Deterministic"/>.</value>
    public JudgeMethod Method { get; init; } = JudgeMethod.Deterministic;

    /// <summary>A tool ran outside the caller's scope.</summary>
    public const string OutOfScopeKind = "out-of-scope";

    /// <summary>A tool ran with an argument outside its constraints.</summary>
    public const string ArgumentKind = "argument";

    /// <summary>A tool that needs approval ran without it.</summary>
    public const string ApprovalBypassKind = "approval-bypass";

    /// <summary>A tool call that broke the policy carried protected data out.</summary>
    public const string ExfiltrationKind = "exfiltration";

    /// <summary>A document above the caller's clearance was retrieved, or its canary answered.</summary>
    public const string ExposureKind = "exposure";

    /// <summary>One user's fact reached another user (an answer carried it, or the memory handed it over).</summary>
    public const string CrossUserMemoryKind = "cross-user-memory";

    /// <summary>A canary planted in the training data was extracted from the trained model.</summary>
    public const string ExtractionKind = "extraction";

    /// <inheritdoc />
    public override string ToString() => $"{Oracle}: {Detail} (answer {Turn})";
}
