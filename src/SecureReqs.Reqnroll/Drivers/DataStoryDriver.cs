using System.Globalization;
using System.Text;

namespace SecureReqs.Reqnroll;

/// <summary>
/// The driver behind the data steps: checks that datasets and model artifacts match their signed manifests, and scans
/// a training dataset for unmasked PII, instruction-injection payloads and missing provenance. Each check is recorded
/// in the story's journal like every other requirement, and a failed check throws
/// <see cref="SecurityRequirementException"/> with a message for the product manager.
/// </summary>
/// <remarks>
/// One instance per scenario; not thread-safe. Messages list findings with masked evidence (<see cref="EvidenceMasker"/>)
/// and never a raw PII value or key material.
/// </remarks>
public sealed class DataStoryDriver
{
    /// <summary>The most findings or problems a failure message lists; the message also gives the total.</summary>
    public const int MaxListed = 10;

    private readonly SecureReqsSettings _settings;
    private readonly StoryRecord _record;
    private readonly TrainingDatasetScanner _scanner = new();
    private (string Written, string Full)? _training;
    private TrainingDatasetScan? _scan;

    /// <summary>Creates the driver for one story.</summary>
    /// <param name="settings">The settings: the datasets folder, the repository root and the trusted signers.</param>
    /// <param name="record">Where the story's requirements are recorded.</param>
    public DataStoryDriver(SecureReqsSettings settings, StoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(record);
        _settings = settings;
        _record = record;
    }

    /// <summary>Checks "the dataset &lt;name&gt; matches its signed manifest": the folder under the datasets folder, verified against its <c>securereqs.manifest.json</c>.</summary>
    /// <param name="name">The dataset's folder name.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The result, already recorded.</returns>
    /// <exception cref="SecurityRequirementException">The dataset does not match a manifest signed by a trusted key.</exception>
    /// <exception cref="SecureReqsException">No such dataset, no trusted keys, or a malformed manifest.</exception>
    public async Task<RequirementResult> AssertDatasetMatchesManifestAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var root = _settings.DatasetsDirectory;
        var folder = Path.Combine(root, name);
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name) || !Directory.Exists(folder))
        {
            var known = Directory.Exists(root) ? Directory.EnumerateDirectories(root).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('.')) : [];
            throw SecureReqsException.Unknown("dataset", name, known, $"Datasets are read from {Path.GetFullPath(root)}.");
        }

        return await VerifyAsync(ManifestSubject.ForFolder(folder), $"the dataset \"{name}\"", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks "the model artifact &lt;path&gt; matches its signed manifest": a file, verified against its sidecar <c>&lt;file&gt;.manifest.json</c>, or a folder, against its <c>securereqs.manifest.json</c>.</summary>
    /// <param name="path">The artifact's path relative to the repository root (see <see cref="SecureReqsSettings.RepositoryRoot"/>).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The result, already recorded.</returns>
    /// <exception cref="SecurityRequirementException">The artifact does not match a manifest signed by a trusted key.</exception>
    /// <exception cref="SecureReqsException">No such file, no trusted keys, or a malformed manifest.</exception>
    public async Task<RequirementResult> AssertArtifactMatchesManifestAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = ResolveFromRepositoryRoot(path, "model artifact", folders: true);
        var subject = Directory.Exists(full) ? ManifestSubject.ForFolder(full) : ManifestSubject.ForArtifact(full);
        return await VerifyAsync(subject, $"the model artifact \"{path}\"", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Chooses the training dataset (JSON Lines) the record checks read.</summary>
    /// <param name="path">The file's path relative to the repository root (see <see cref="SecureReqsSettings.RepositoryRoot"/>).</param>
    /// <exception cref="SecureReqsException">No such file.</exception>
    public void UseTrainingDataset(string path)
    {
        _training = (path, ResolveFromRepositoryRoot(path, "training dataset"));
        _scan = null;
    }

    /// <summary>Checks "no record contains unmasked PII" on the training dataset.</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The result, already recorded.</returns>
    /// <exception cref="SecurityRequirementException">Some record contains unmasked PII.</exception>
    /// <exception cref="SecureReqsException">No training dataset chosen, or the file is not JSON Lines.</exception>
    public Task<RequirementResult> AssertNoUnmaskedPiiAsync(CancellationToken cancellationToken = default) =>
        AssertRecordsAsync(TrainingDataFindingKind.UnmaskedPii, "contains unmasked PII", "records with unmasked PII", "contain unmasked PII", cancellationToken);

    /// <summary>Checks "no record contains an instruction-injection payload" on the training dataset.</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The result, already recorded.</returns>
    /// <exception cref="SecurityRequirementException">Some record contains one.</exception>
    /// <exception cref="SecureReqsException">No training dataset chosen, or the file is not JSON Lines.</exception>
    public Task<RequirementResult> AssertNoInjectionPayloadAsync(CancellationToken cancellationToken = default) =>
        AssertRecordsAsync(TrainingDataFindingKind.InstructionInjection, "contains an instruction-injection payload", "records with an instruction-injection payload", "contain an instruction-injection payload", cancellationToken);

    /// <summary>Checks "every record has provenance" on the training dataset: a <c>provenance</c> object with a non-empty <c>source</c>.</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The result, already recorded.</returns>
    /// <exception cref="SecurityRequirementException">Some record has none.</exception>
    /// <exception cref="SecureReqsException">No training dataset chosen, or the file is not JSON Lines.</exception>
    public Task<RequirementResult> AssertEveryRecordHasProvenanceAsync(CancellationToken cancellationToken = default) =>
        AssertRecordsAsync(TrainingDataFindingKind.MissingProvenance, "lacks provenance", "records without provenance", "have provenance", cancellationToken);

    /// <summary>
    /// Resolves a path a story writes relative to the repository root: against <see cref="SecureReqsSettings.RepositoryRoot"/>
    /// when set, else in the nearest folder above the current folder (then above the test assembly) where it exists,
    /// as the datasets folder is found.
    /// </summary>
    /// <param name="path">The relative path.</param>
    /// <param name="what">What it names, for the message.</param>
    /// <returns>The full path of the existing file.</returns>
    /// <exception cref="SecureReqsException">The path is absolute or climbs out, or no such file.</exception>
    public string ResolveFromRepositoryRoot(string path, string what) => ResolveFromRepositoryRoot(path, what, folders: false);

    /// <summary>Resolves a path relative to the repository root, as <see cref="ResolveFromRepositoryRoot(string, string)"/> does, accepting a folder when <paramref name="folders"/> is set.</summary>
    /// <param name="path">The relative path.</param>
    /// <param name="what">What it names, for the message.</param>
    /// <param name="folders">Whether an existing folder also resolves.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="SecureReqsException">The path is absolute or climbs out, or nothing exists there.</exception>
    public string ResolveFromRepositoryRoot(string path, string what, bool folders)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || Path.IsPathRooted(path) || path.Replace('\\', '/').Split('/').Contains(".."))
        {
            throw new SecureReqsException($"The {what} \"{path}\" must be a path relative to the repository root, such as \"models/classifier.onnx\".");
        }

        IEnumerable<string> roots = _settings.RepositoryRoot is { } root
            ? [root]
            : [.. Ancestors(Directory.GetCurrentDirectory()), .. Ancestors(AppContext.BaseDirectory)];
        foreach (var candidate in roots.Select(r => Path.GetFullPath(Path.Combine(r, path))))
        {
            if (File.Exists(candidate) || (folders && Directory.Exists(candidate)))
            {
                return candidate;
            }
        }

        var where = _settings.RepositoryRoot is { } r2 ? $"in {Path.GetFullPath(r2)}" : $"in {Directory.GetCurrentDirectory()} or any folder above it";
        throw new SecureReqsException($"The {what} \"{path}\" was not found {where}. Write its path relative to the repository root.");
    }

    private async Task<RequirementResult> VerifyAsync(ManifestSubject subject, string what, CancellationToken cancellationToken)
    {
        var trusted = (_settings.TrustedSignersFile is { } file ? TrustedSigners.Load(file) : TrustedSigners.Resolve(null, Environment.GetEnvironmentVariable, subject.Path))
            ?? throw new SecureReqsException(
                $"No trusted public keys to verify {what} with: commit the signers' public keys as {TrustedSigners.DefaultFile} at the repository root "
                + $"(looked from {subject.Path} upwards), or set {TrustedSigners.VerifyKeyVariable} to their PEM text. See docs/integrity.md.");
        var verification = await new SignedManifestVerifier(trusted).VerifyAsync(subject, cancellationToken).ConfigureAwait(false);
        var problems = verification.Problems;
        var total = (verification.Manifest?.Files.Count ?? 0) + problems.Count(p => p.Kind == ManifestProblemKind.AddedFile);
        var message = verification.IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"{Capitalize(what)} matches its signed manifest: {verification.Manifest!.Files.Count} files, signed by trusted key {verification.KeyId} on {verification.Manifest.Created.UtcDateTime.ToString(SignedManifest.CreatedFormat, CultureInfo.InvariantCulture)}.")
            : $"Expected {what} to match its signed manifest, but {Count(problems.Count, "problem was", "problems were")} found:{List(problems.Select(p => p.Message), problems.Count)}";
        return Record(RequirementResult.Absolute($"{what} matches its signed manifest", "problems against the signed manifest", problems.Count, total, verification.IsValid ? Verdict.Pass : Verdict.Fail, message));
    }

    private async Task<RequirementResult> AssertRecordsAsync(TrainingDataFindingKind kind, string offends, string kpi, string expected, CancellationToken cancellationToken)
    {
        var (written, _) = _training ?? throw new SecureReqsException("No training dataset chosen: add a step 'Given the training dataset \"<file>\"' before this one.");
        var scan = await ScanAsync(cancellationToken).ConfigureAwait(false);
        var findings = scan.Of(kind);
        var records = scan.RecordsWith(kind);
        var requirement = kind == TrainingDataFindingKind.MissingProvenance
            ? $"every record of {written} has provenance"
            : $"no record of {written} {offends}";
        var message = findings.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Capitalize(requirement)}: holds for all {scan.Records} records.")
            : kind == TrainingDataFindingKind.MissingProvenance
                ? string.Create(CultureInfo.InvariantCulture, $"Expected every record of {written} to have provenance (a \"provenance\" object with a non-empty \"source\"), but {records} of {scan.Records} records do not:{List(findings.Select(f => f.ToString()), findings.Count)}")
                : string.Create(CultureInfo.InvariantCulture, $"Expected no record of {written} to {expected}, but {records} of {scan.Records} records do ({Count(findings.Count, "finding", "findings")}):{List(findings.Select(f => f.ToString()), findings.Count)}");
        return Record(RequirementResult.Absolute(requirement, kpi, records, scan.Records, findings.Count == 0 ? Verdict.Pass : Verdict.Fail, message));
    }

    // One scan serves every record check of the story: the file is read once.
    private async Task<TrainingDatasetScan> ScanAsync(CancellationToken cancellationToken)
    {
        if (_scan is { } done)
        {
            return done;
        }

        var (written, full) = _training!.Value;
        TrainingDatasetScan scan;
        try
        {
            scan = await _scanner.ScanAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (DataFileException ex)
        {
            throw new SecureReqsException(ex.Message.Replace(full, written, StringComparison.Ordinal), ex);
        }

        return _scan = scan with { File = written, Findings = [.. scan.Findings.Select(f => f with { File = written })] };
    }

    private RequirementResult Record(RequirementResult result)
    {
        _record.Add(result);
        return result.Verdict == Verdict.Pass ? result : throw new SecurityRequirementException(result);
    }

    private static string List(IEnumerable<string> lines, int total)
    {
        var text = new StringBuilder();
        foreach (var line in lines.Take(MaxListed))
        {
            text.Append("\n  ").Append(line);
        }

        return total > MaxListed ? text.Append(CultureInfo.InvariantCulture, $"\n  … and {total - MaxListed} more ({total} in all).").ToString() : text.ToString();
    }

    private static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
