namespace SecureReqs;

/// <summary>One problem found when verifying a subject against its signed manifest.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Path">The file concerned, relative to the subject with forward slashes; null for a problem of the whole manifest.</param>
/// <param name="Message">What is wrong, in words, for example <c>cases.jsonl: content changed (sha256 …, signed …)</c>.</param>
/// <param name="Expected">What the manifest says (a sha256, a size, a key id), when it applies.</param>
/// <param name="Actual">What was found, when it applies.</param>
public sealed record ManifestProblem(ManifestProblemKind Kind, string? Path, string Message, string? Expected = null, string? Actual = null)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
