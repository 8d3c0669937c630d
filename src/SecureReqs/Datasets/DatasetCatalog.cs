namespace SecureReqs;

/// <summary>Finds datasets by name in a datasets folder (one sub-folder per dataset, each with a manifest).</summary>
/// <param name="root">The folder holding the dataset folders, such as <c>adversarial-datasets/</c>.</param>
public sealed class DatasetCatalog(string root)
{
    /// <summary>The folder holding the dataset folders.</summary>
    public string Root { get; } = root;

    /// <summary>The names of the datasets in <see cref="Root"/>.</summary>
    public IReadOnlyList<string> Names =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateDirectories(Root)
                .Where(d => File.Exists(Path.Combine(d, DatasetLoader.ManifestFileName)))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Loads and verifies the dataset called <paramref name="name"/>.</summary>
    /// <param name="name">The dataset's folder name.</param>
    /// <param name="version">The version the story asks for, or null for whatever is there.</param>
    /// <returns>The verified dataset.</returns>
    /// <exception cref="SecureReqsException">No such dataset, or the version differs.</exception>
    /// <exception cref="DatasetException">The dataset is malformed.</exception>
    public Dataset Load(string name, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var directory = Path.Combine(Root, name);
        var folder = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root)))}/{name}";
        if (!Directory.Exists(Root))
        {
            throw new SecureReqsException($"The datasets folder {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root)))}/ does not exist, so dataset \"{name}\" cannot be found. Pass the folder with --datasets, or run from the repository that holds adversarial-datasets/.");
        }

        if (name.Length > 0 && !name.Contains("..", StringComparison.Ordinal) && Directory.Exists(directory) && !File.Exists(Path.Combine(directory, DatasetLoader.ManifestFileName)))
        {
            throw new SecureReqsException($"{folder}/{DatasetLoader.ManifestFileName}: the dataset folder \"{name}\" has no manifest, so its cases cannot be verified. Create one with 'securereqs manifest create {folder}' (see docs/datasets.md).");
        }

        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || !File.Exists(Path.Combine(directory, DatasetLoader.ManifestFileName)))
        {
            throw SecureReqsException.Unknown("dataset", name, Names, $"Datasets are read from {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root)))}/; each dataset is a folder with a {DatasetLoader.ManifestFileName}.");
        }

        var dataset = DatasetLoader.Load(directory);
        if (version is not null && dataset.Manifest.Version != version)
        {
            throw new SecureReqsException($"The story asks for dataset \"{name}\" version \"{version}\" but {folder} holds version \"{dataset.Manifest.Version}\". Change the version in the step, or restore that version of the dataset.");
        }

        return dataset;
    }

    /// <summary>Finds the nearest <c>adversarial-datasets</c> folder from <paramref name="start"/> upwards.</summary>
    /// <param name="start">Where to start looking.</param>
    /// <returns>The folder, or null.</returns>
    public static string? FindDefaultRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "adversarial-datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
