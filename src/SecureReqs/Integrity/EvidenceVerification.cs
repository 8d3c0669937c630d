namespace SecureReqs;

/// <summary>The result of verifying a results file against its detached signature (see <see cref="EvidenceSignature.Verify"/>).</summary>
/// <param name="File">The results file, as given.</param>
/// <param name="SignatureFile">Its signature file: the results file's path with <see cref="EvidenceSignature.FileSuffix"/>.</param>
/// <param name="Problem">What is wrong, or null when the file verifies.</param>
/// <param name="Message">One plain sentence: what was verified, or what is wrong, naming the file and the fix.</param>
/// <param name="Signature">The signature read, or null when it is missing or unreadable.</param>
public sealed record EvidenceVerification(string File, string SignatureFile, EvidenceProblemKind? Problem, string Message, EvidenceSignature? Signature)
{
    /// <summary>Whether the file is byte for byte what a trusted key signed.</summary>
    public bool IsValid => Problem is null;
}
