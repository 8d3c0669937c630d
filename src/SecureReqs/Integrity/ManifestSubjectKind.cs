namespace SecureReqs;

/// <summary>What a <see cref="ManifestSubject"/> is.</summary>
public enum ManifestSubjectKind
{
    /// <summary>A folder: every file under it, recursively, with <c>securereqs.manifest.json</c> inside it.</summary>
    Folder,

    /// <summary>A single file (a model artifact) with a sidecar manifest next to it.</summary>
    Artifact,
}
