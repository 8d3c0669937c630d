namespace SecureReqs;

/// <summary>
/// A signed manifest in format <c>securereqs.manifest/v1</c>: the SHA-256 and size of every file of a subject (a folder
/// or a single artifact), who made it and how, and an ECDSA P-256 signature over all of that.
/// </summary>
/// <remarks>
/// <para>
/// A folder's manifest is <c>securereqs.manifest.json</c> inside it; a single file's manifest is a sidecar next to it
/// (<c>model.onnx.manifest.json</c>). The signature covers <see cref="CanonicalBytes"/>: the manifest without its
/// <c>signature</c> property, serialized as RFC 8785 (JSON Canonicalization Scheme) describes — properties sorted by
/// their UTF-16 code units (<c>created</c>, <c>files</c>, <c>provenance</c>, <c>schema</c>, <c>subject</c>; each file
/// as <c>bytes</c>, <c>path</c>, <c>sha256</c>), no whitespace, strings escaped only where JSON requires it
/// (<c>\"</c>, <c>\\</c>, <c>\b</c>, <c>\f</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, other control characters as
/// <c>\u00xx</c>), integers in decimal, UTF-8 without a byte order mark. Any RFC 8785 implementation reproduces it.
/// </para>
/// <para>
/// Security contract: the signature shows that someone holding a trusted private key listed exactly these files with
/// exactly these contents. It says nothing about whether the contents are good, and it is only as strong as the
/// process that decides which public keys are trusted (see <c>docs/integrity.md</c>). Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record SignedManifest
{
    /// <summary>The format identifier written in <see cref="Schema"/>.</summary>
    public const string SchemaV1 = "securereqs.manifest/v1";

    /// <summary>The file name of a folder's manifest, inside the folder.</summary>
    public const string FolderManifestFileName = "securereqs.manifest.json";

    /// <summary>The suffix of a single file's sidecar manifest: <c>model.onnx</c> has <c>model.onnx.manifest.json</c>.</summary>
    public const string SidecarSuffix = ".manifest.json";

    /// <summary>The format of <see cref="Created"/> in the file: ISO 8601 in UTC, to the second.</summary>
    public const string CreatedFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The format identifier.</summary>
    /// <value>The default value is <see cref="SchemaV1"/>.</value>
    public string Schema { get; init; } = SchemaV1;

    /// <summary>The name of the folder or file the manifest describes.</summary>
    public required string Subject { get; init; }

    /// <summary>When the manifest was created, in UTC, to the second.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Where the files come from: string fields, at least <c>source</c>, <c>authors</c> and <c>method</c>.</summary>
    public required IReadOnlyDictionary<string, string> Provenance { get; init; }

    /// <summary>Every file of the subject, ordered by <see cref="ManifestFileEntry.Path"/> (ordinal).</summary>
    public required IReadOnlyList<ManifestFileEntry> Files { get; init; }

    /// <summary>The signature over <see cref="CanonicalBytes"/>, or null before signing.</summary>
    public ManifestSignature? Signature { get; init; }

    /// <summary>The bytes the signature covers: the canonical form of the manifest without its signature.</summary>
    /// <returns>UTF-8 JSON in RFC 8785 canonical form.</returns>
    public byte[] CanonicalBytes() => ManifestJson.Canonical(this);
}
