namespace SecureReqs;

/// <summary>What is wrong with a subject against its signed manifest.</summary>
public enum ManifestProblemKind
{
    /// <summary>The subject has no signed manifest.</summary>
    MissingManifest,

    /// <summary>The signature does not match the manifest's contents.</summary>
    BadSignature,

    /// <summary>The manifest is signed by a key that is not in the trusted set.</summary>
    UntrustedKey,

    /// <summary>The manifest names another subject: it was copied from another folder or file.</summary>
    SubjectMismatch,

    /// <summary>A file's contents differ from the manifest (same size).</summary>
    ChangedFile,

    /// <summary>A file's size differs from the manifest (so its contents differ too).</summary>
    SizeChanged,

    /// <summary>A file is present that the manifest does not list.</summary>
    AddedFile,

    /// <summary>A file the manifest lists is missing.</summary>
    RemovedFile,
}
