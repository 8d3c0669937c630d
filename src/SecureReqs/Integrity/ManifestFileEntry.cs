namespace SecureReqs;

/// <summary>One file listed in a <see cref="SignedManifest"/>.</summary>
/// <param name="Path">The path relative to the subject's folder, with forward slashes (for an artifact, its file name).</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, 64 lowercase hex digits.</param>
/// <param name="Bytes">The file's size in bytes.</param>
public sealed record ManifestFileEntry(string Path, string Sha256, long Bytes);
