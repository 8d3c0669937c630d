namespace SecureReqs.Reqnroll;

/// <summary>
/// The driver behind the data and artifact integrity steps (signed manifests, training-data scans): it resolves the
/// paths a story writes and declares the checks on the story's <see cref="SecurityStory"/>.
/// </summary>
/// <remarks>One instance per scenario; not thread-safe.</remarks>
public sealed class DataStoryDriver
{
    private readonly SecureReqsSettings _settings;
    private readonly SecurityStory _story;

    /// <summary>Creates the driver for one story.</summary>
    /// <param name="settings">The settings (datasets folder, repository root, trusted signers).</param>
    /// <param name="story">The story it declares on.</param>
    public DataStoryDriver(SecureReqsSettings settings, SecurityStory story)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _story = story ?? throw new ArgumentNullException(nameof(story));
    }

    /// <summary>Declares "the dataset &lt;name&gt; matches its signed manifest".</summary>
    /// <param name="name">The dataset's folder under the datasets folder.</param>
    /// <exception cref="SecureReqsException">No such dataset folder.</exception>
    public void RequireDatasetMatchesManifest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var root = _settings.DatasetsDirectory;
        var folder = Path.Combine(root, name);
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name) || !Directory.Exists(folder))
        {
            var known = Directory.Exists(root) ? Directory.EnumerateDirectories(root).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('.')) : [];
            throw SecureReqsException.Unknown("dataset", name, known, $"Datasets are read from the datasets folder ({Path.GetFileName(Path.GetFullPath(root))}/).");
        }

        _story.Require(new MatchesSignedManifest(ManifestSubject.ForFolder(folder), $"the dataset \"{name}\"", _settings.TrustedSignersFile));
    }

    /// <summary>Declares "the model artifact &lt;path&gt; matches its signed manifest".</summary>
    /// <param name="path">The artifact (a file or a folder), relative to the repository root.</param>
    /// <exception cref="SecureReqsException">The path is absolute, climbs out, or does not exist.</exception>
    public void RequireArtifactMatchesManifest(string path)
    {
        var full = ResolveFromRepositoryRoot(path, "model artifact", folders: true);
        var subject = Directory.Exists(full) ? ManifestSubject.ForFolder(full) : ManifestSubject.ForArtifact(full);
        _story.Require(new MatchesSignedManifest(subject, $"the model artifact \"{path}\"", _settings.TrustedSignersFile));
    }

    /// <summary>Chooses the training dataset (JSON Lines) the record checks read.</summary>
    /// <param name="path">The file, relative to the repository root.</param>
    /// <exception cref="SecureReqsException">The path is absolute, climbs out, or does not exist.</exception>
    public void UseTrainingDataset(string path) =>
        _story.TrainingDataset = new TrainingDataset(path, ResolveFromRepositoryRoot(path, "training dataset"));

    /// <summary>Declares "no record contains unmasked PII".</summary>
    public void RequireNoUnmaskedPii() => RequireRecords(TrainingDataFindingKind.UnmaskedPii);

    /// <summary>Declares "no record contains an instruction-injection payload".</summary>
    public void RequireNoInjectionPayload() => RequireRecords(TrainingDataFindingKind.InstructionInjection);

    /// <summary>Declares "every record has provenance".</summary>
    public void RequireEveryRecordHasProvenance() => RequireRecords(TrainingDataFindingKind.MissingProvenance);

    /// <summary>Declares "the tool descriptions of the MCP server &lt;name&gt; carry no injected instructions".</summary>
    /// <param name="name">The server's name, as declared under <c>mcpServers</c> in securereqs.json or registered in code.</param>
    /// <exception cref="SecureReqsException">No server has that name; the message lists the known ones.</exception>
    public void RequireToolDescriptionsClean(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _story.Require(new ToolDescriptionsCheck(_settings.TargetsWithDefaults().GetToolServer(name)));
    }

    /// <summary>Resolves a path a story writes relative to the repository root (<see cref="SecureReqsSettings.RepositoryRoot"/>,
    /// else the nearest folder above the current directory or the test assembly that holds it).</summary>
    /// <param name="path">The path as written.</param>
    /// <param name="what">What it is, for the message.</param>
    /// <param name="folders">Whether a folder is acceptable.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="SecureReqsException">Absolute, climbing out, or not found.</exception>
    public string ResolveFromRepositoryRoot(string path, string what, bool folders = false)
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

        throw new SecureReqsException($"The {what} \"{path}\" was not found in the repository (looked from the current folder upwards). Write its path relative to the repository root.");
    }

    private void RequireRecords(TrainingDataFindingKind kind) =>
        _story.Require(new TrainingRecordsCheck(
            _story.TrainingDataset ?? throw new SecureReqsException("No training dataset chosen: add a step 'Given the training dataset \"<file>\"' before this one."),
            kind));

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
