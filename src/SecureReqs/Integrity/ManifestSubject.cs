namespace SecureReqs;

/// <summary>What one signed manifest describes: a folder (every file under it) or a single artifact file.</summary>
/// <param name="Name">The folder's or file's name, written as the manifest's <c>subject</c>.</param>
/// <param name="Path">The full path of the folder or file.</param>
/// <param name="ManifestPath">The full path of its manifest: <c>securereqs.manifest.json</c> inside a folder, <c>&lt;file&gt;.manifest.json</c> next to a file.</param>
/// <param name="Kind">Folder or artifact.</param>
public sealed record ManifestSubject(string Name, string Path, string ManifestPath, ManifestSubjectKind Kind)
{
    // Hidden files (dot files on Unix) are part of a subject: a file that slips in unseen must still count as added.
    private static readonly EnumerationOptions _allFiles = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
    };

    /// <summary>The subjects at <paramref name="path"/>.</summary>
    /// <param name="path">A file (one artifact subject), a folder that directly holds files (one folder subject), or a
    /// folder that holds only sub-folders, such as <c>adversarial-datasets/</c> (one folder subject per sub-folder, in
    /// ordinal name order; sub-folders whose names start with a dot are not subjects).</param>
    /// <returns>The subjects.</returns>
    /// <exception cref="SecureReqsException">The path does not exist, or the folder is empty.</exception>
    public static IReadOnlyList<ManifestSubject> Discover(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        if (File.Exists(full))
        {
            return [ForArtifact(full)];
        }

        if (!Directory.Exists(full))
        {
            throw new SecureReqsException($"{path}: no such file or folder. Name a dataset folder, a folder of datasets, or a model artifact file.");
        }

        if (Directory.EnumerateFiles(full, "*", new EnumerationOptions { AttributesToSkip = 0 }).Any())
        {
            return [ForFolder(full)];
        }

        var folders = Directory.EnumerateDirectories(full)
            .Where(d => !System.IO.Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(ForFolder)
            .ToList();
        return folders.Count > 0
            ? folders
            : throw new SecureReqsException($"{path}: the folder is empty, so there is nothing to sign or verify. Name a folder that holds files, or a folder of such folders.");
    }

    /// <summary>The subject of one folder: every file under it.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The subject.</returns>
    public static ManifestSubject ForFolder(string folder)
    {
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
        return new ManifestSubject(System.IO.Path.GetFileName(full), full, System.IO.Path.Combine(full, SignedManifest.FolderManifestFileName), ManifestSubjectKind.Folder);
    }

    /// <summary>The subject of one artifact file, with its sidecar manifest.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The subject.</returns>
    public static ManifestSubject ForArtifact(string file)
    {
        var full = System.IO.Path.GetFullPath(file);
        return new ManifestSubject(System.IO.Path.GetFileName(full), full, full + SignedManifest.SidecarSuffix, ManifestSubjectKind.Artifact);
    }

    /// <summary>The subject's files as manifest paths (relative, forward slashes) in ordinal order, without its manifest.</summary>
    /// <returns>The relative paths and full paths.</returns>
    internal IReadOnlyList<(string Relative, string Full)> EnumerateFiles()
    {
        if (Kind == ManifestSubjectKind.Artifact)
        {
            return File.Exists(Path) ? [(Name, Path)] : [];
        }

        return
        [
            .. Directory.EnumerateFiles(Path, "*", _allFiles)
                .Select(f => (Relative: System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'), Full: f))
                .Where(f => f.Relative != SignedManifest.FolderManifestFileName)
                .OrderBy(f => f.Relative, StringComparer.Ordinal),
        ];
    }
}
