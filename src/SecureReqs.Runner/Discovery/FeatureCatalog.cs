using System.Collections.Concurrent;
using System.Globalization;

namespace SecureReqs.Runner;

/// <summary>Finds feature files and caches their parse per file.</summary>
/// <remarks>Thread-safe. An entry is reused while the file's size and last-write time are unchanged, so an edited
/// feature is parsed again on the next run without a restart.</remarks>
internal static class FeatureCatalog
{
    private static readonly ConcurrentDictionary<CacheKey, (FileStamp Stamp, FeatureFile File)> s_cache = new();

    /// <summary>Loads every <c>*.feature</c> file under <paramref name="directory"/> (recursive), ordered by relative path.</summary>
    public static IReadOnlyList<FeatureFile> LoadDirectory(string directory, string displayRoot, CultureInfo featureLanguage)
    {
        var fullDirectory = Path.GetFullPath(directory);
        return [.. Directory.EnumerateFiles(fullDirectory, "*.feature", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(fullDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(relative => Load(Path.Combine(fullDirectory, relative), relative, CombineDisplay(displayRoot, relative), featureLanguage))];
    }

    /// <summary>Loads one feature file, parsing it only when it changed since the last load.</summary>
    public static FeatureFile Load(string fullPath, string relativePath, string displayPath, CultureInfo featureLanguage)
    {
        var key = new CacheKey(fullPath, displayPath, featureLanguage.Name);
        var stamp = FileStamp.Of(fullPath);
        if (s_cache.TryGetValue(key, out var cached) && cached.Stamp == stamp)
        {
            return cached.File;
        }

        var file = FeatureFileParser.Parse(fullPath, relativePath, displayPath, featureLanguage);
        return s_cache.AddOrUpdate(key, (stamp, file), (_, existing) => existing.Stamp == stamp ? existing : (stamp, file)).File;
    }

    public static string CombineDisplay(string root, string relative)
    {
        var trimmed = root.Replace('\\', '/').TrimEnd('/');
        return trimmed.Length == 0 || trimmed == "." ? relative : $"{trimmed}/{relative}";
    }

    private readonly record struct CacheKey(string FullPath, string DisplayPath, string Language);

    private readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : default;
        }
    }
}
