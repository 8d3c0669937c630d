namespace SecureReqs;

/// <summary>Why a tool call breaks a policy.</summary>
/// <param name="Kind">The kind: <see cref="OutOfScope"/> or <see cref="Argument"/>.</param>
/// <param name="Detail">What exactly, for evidence: "amount 900 exceeds 250".</param>
public sealed record ToolViolation(string Kind, string Detail)
{
    /// <summary>The tool is not in the caller's scope.</summary>
    public const string OutOfScope = "out-of-scope";

    /// <summary>An argument is outside its constraints.</summary>
    public const string Argument = "argument";

    /// <inheritdoc />
    public override string ToString() => Detail;
}
