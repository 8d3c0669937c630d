namespace SecureReqs;

/// <summary>The signature of a <see cref="SignedManifest"/>.</summary>
/// <param name="Algorithm">The algorithm, <see cref="EcdsaP256Sha256"/>.</param>
/// <param name="KeyId">The signing key's id: the first 16 lowercase hex digits of the SHA-256 of its public key (SubjectPublicKeyInfo, DER).</param>
/// <param name="Value">The signature in base64: the 64-byte IEEE P1363 form (r then s, 32 bytes each).</param>
public sealed record ManifestSignature(string Algorithm, string KeyId, string Value)
{
    /// <summary>ECDSA on the NIST P-256 curve with SHA-256, the only algorithm of format v1.</summary>
    public const string EcdsaP256Sha256 = "ECDSA-P256-SHA256";
}
