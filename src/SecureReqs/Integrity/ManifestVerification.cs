namespace SecureReqs;

/// <summary>The result of verifying one subject against its signed manifest: every problem, as data.</summary>
/// <param name="Subject">The subject verified.</param>
/// <param name="Manifest">The manifest read, or null when it is missing.</param>
/// <param name="Problems">Every problem found, manifest-level problems first, then files in path order; empty when valid.</param>
public sealed record ManifestVerification(ManifestSubject Subject, SignedManifest? Manifest, IReadOnlyList<ManifestProblem> Problems)
{
    /// <summary>Whether the subject matches a manifest signed by a trusted key.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The id of the key that signed the manifest, or null when there is no manifest.</summary>
    public string? KeyId => Manifest?.Signature?.KeyId;
}
