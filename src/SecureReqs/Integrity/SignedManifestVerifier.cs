using System.Globalization;

namespace SecureReqs;

/// <summary>
/// Verifies subjects against their signed manifests and reports every problem as data: a missing manifest, a bad
/// signature, an untrusted key, a manifest copied from another subject, and each changed, resized, added or removed file.
/// </summary>
/// <remarks>
/// <para>
/// Files are hashed as streams, so memory does not grow with the size of an artifact. A manifest that cannot be read
/// (malformed JSON, a missing field) is not a verification result but an error: <see cref="ManifestFormatException"/>.
/// </para>
/// <para>Thread-safety: an instance may verify several subjects concurrently.</para>
/// </remarks>
public sealed class SignedManifestVerifier
{
    private readonly TrustedSigners _trusted;

    /// <summary>Creates a verifier.</summary>
    /// <param name="trusted">The keys whose signatures are trusted.</param>
    public SignedManifestVerifier(TrustedSigners trusted)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        _trusted = trusted;
    }

    /// <summary>Verifies every subject at <paramref name="path"/> (see <see cref="ManifestSubject.Discover"/>).</summary>
    /// <param name="path">A folder, a folder of folders, or an artifact file.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One result per subject.</returns>
    /// <exception cref="SecureReqsException">The path does not exist or is empty.</exception>
    /// <exception cref="ManifestFormatException">A manifest cannot be read.</exception>
    public async Task<IReadOnlyList<ManifestVerification>> VerifyAllAsync(string path, CancellationToken cancellationToken = default)
    {
        var results = new List<ManifestVerification>();
        foreach (var subject in ManifestSubject.Discover(path))
        {
            results.Add(await VerifyAsync(subject, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Verifies one subject against its manifest.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The result with every problem found.</returns>
    /// <exception cref="ManifestFormatException">The manifest cannot be read.</exception>
    public async Task<ManifestVerification> VerifyAsync(ManifestSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!File.Exists(subject.ManifestPath))
        {
            return new ManifestVerification(subject, null, [new ManifestProblem(
                ManifestProblemKind.MissingManifest,
                null,
                $"no signed manifest: {subject.ManifestPath} is missing. Sign the {(subject.Kind == ManifestSubjectKind.Folder ? "folder" : "file")} with `securereqs manifest create {subject.Path}`.")]);
        }

        var manifest = ManifestJson.Read(subject.ManifestPath, await File.ReadAllBytesAsync(subject.ManifestPath, cancellationToken).ConfigureAwait(false));
        var problems = new List<ManifestProblem>();
        CheckSignature(manifest, problems);
        if (manifest.Subject != subject.Name)
        {
            problems.Add(new ManifestProblem(
                ManifestProblemKind.SubjectMismatch,
                null,
                $"the manifest is for \"{manifest.Subject}\", not \"{subject.Name}\": it was copied from another {(subject.Kind == ManifestSubjectKind.Folder ? "folder" : "file")}.",
                manifest.Subject,
                subject.Name));
        }

        var actual = subject.EnumerateFiles().ToDictionary(f => f.Relative, f => f.Full, StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            listed.Add(entry.Path);
            if (!actual.TryGetValue(entry.Path, out var full))
            {
                problems.Add(new ManifestProblem(ManifestProblemKind.RemovedFile, entry.Path, $"{entry.Path}: removed (the manifest lists it with sha256 {entry.Sha256}).", entry.Sha256, null));
                continue;
            }

            var (sha, bytes) = await SignedManifestWriter.HashAsync(full, cancellationToken).ConfigureAwait(false);
            if (bytes != entry.Bytes)
            {
                problems.Add(new ManifestProblem(
                    ManifestProblemKind.SizeChanged,
                    entry.Path,
                    string.Create(CultureInfo.InvariantCulture, $"{entry.Path}: size changed from {entry.Bytes} to {bytes} bytes (sha256 {sha}, signed {entry.Sha256})."),
                    entry.Sha256,
                    sha));
            }
            else if (!string.Equals(sha, entry.Sha256, StringComparison.Ordinal))
            {
                problems.Add(new ManifestProblem(ManifestProblemKind.ChangedFile, entry.Path, $"{entry.Path}: content changed (sha256 {sha}, signed {entry.Sha256}).", entry.Sha256, sha));
            }
        }

        foreach (var added in actual.Keys.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal))
        {
            problems.Add(new ManifestProblem(ManifestProblemKind.AddedFile, added, $"{added}: added after signing (the manifest does not list it)."));
        }

        return new ManifestVerification(subject, manifest, problems);
    }

    private void CheckSignature(SignedManifest manifest, List<ManifestProblem> problems)
    {
        var signature = manifest.Signature!;
        if (!_trusted.Contains(signature.KeyId))
        {
            problems.Add(new ManifestProblem(
                ManifestProblemKind.UntrustedKey,
                null,
                $"signed by key {signature.KeyId}, which is not trusted; trusted: {_trusted}.",
                string.Join(", ", _trusted.KeyIds),
                signature.KeyId));
            return;
        }

        if (signature.Algorithm != ManifestSignature.EcdsaP256Sha256)
        {
            problems.Add(new ManifestProblem(ManifestProblemKind.BadSignature, null, $"the signature's algorithm is \"{signature.Algorithm}\"; only {ManifestSignature.EcdsaP256Sha256} is accepted.", ManifestSignature.EcdsaP256Sha256, signature.Algorithm));
            return;
        }

        var value = new byte[64];
        if (!Convert.TryFromBase64String(signature.Value, value, out var length) || length != 64
            || !_trusted.Verify(signature.KeyId, manifest.CanonicalBytes(), value))
        {
            problems.Add(new ManifestProblem(
                ManifestProblemKind.BadSignature,
                null,
                $"bad signature: the signature of key {signature.KeyId} does not match the manifest's contents, so the manifest or its signature was changed after signing."));
        }
    }
}
