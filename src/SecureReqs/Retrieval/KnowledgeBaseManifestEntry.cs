namespace SecureReqs;

/// <summary>One document of a <see cref="KnowledgeBaseManifest"/>.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Classification">Its label when the manifest was written.</param>
/// <param name="ContentSha256">The SHA-256 of its id, label and content.</param>
/// <param name="VectorSha256">The SHA-256 of its stored embedding.</param>
public sealed record KnowledgeBaseManifestEntry(string Id, string Classification, string ContentSha256, string VectorSha256);
