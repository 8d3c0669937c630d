namespace SecureReqs;

/// <summary>What a judge found in an answer that compromises the case.</summary>
/// <param name="Oracle">The oracle that fired: <c>no-leak</c>, <c>canary</c>, <c>forbidden-url</c>, <c>system-prompt-leak</c> or <c>forbidden-tool</c>.</param>
/// <param name="Detail">What exactly: the planted value's name, the rendering, the host, the tool. Never the secret value itself.</param>
/// <param name="Turn">The 1-based answer (turn) it appeared in.</param>
public sealed record JudgeFinding(string Oracle, string Detail, int Turn)
{
    /// <inheritdoc />
    public override string ToString() => $"{Oracle}: {Detail} (answer {Turn})";
}
