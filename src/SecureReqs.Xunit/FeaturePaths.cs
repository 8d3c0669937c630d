using System.Reflection;

namespace SecureReqs.Xunit;

/// <summary>Finds the features folder a theory names, preferring the source tree over the copy in the output folder.</summary>
/// <remarks>
/// <para>A relative folder is looked for, in order:</para>
/// <list type="number">
/// <item><description>In the source tree: from the test project's folder upwards. The project folder is baked into the
/// test assembly at build time as <c>[AssemblyMetadata("SecureReqs.Xunit.ProjectDirectory", …)]</c> by
/// <c>buildTransitive/SecureReqs.Xunit.props</c>. Without that attribute, from the output folder's parent upwards.</description></item>
/// <item><description>In the output folder (<c>bin/…</c>), where <c>CopyToOutputDirectory</c> puts a copy. That copy can be
/// stale (a feature deleted or renamed in the source stays there), so it is used only when the source tree is absent,
/// for example when tests run from a published folder; <see cref="FeatureFolder.IsOutputCopy"/> says so.</description></item>
/// </list>
/// </remarks>
internal static class FeaturePaths
{
    /// <summary>The <see cref="AssemblyMetadataAttribute"/> key holding the test project's folder.</summary>
    public const string ProjectDirectoryKey = "SecureReqs.Xunit.ProjectDirectory";

    public static FeatureFolder? Resolve(string path, Assembly? testAssembly) =>
        Resolve(path, ProjectDirectoryOf(testAssembly), AppContext.BaseDirectory);

    public static FeatureFolder? Resolve(string path, string? projectDirectory, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? new FeatureFolder(Path.GetFullPath(path), IsOutputCopy: false) : null;
        }

        var output = Path.GetFullPath(outputDirectory);
        var source = projectDirectory is not null && Directory.Exists(projectDirectory)
            ? FindUpwards(Path.GetFullPath(projectDirectory), path, output)
            : FindUpwards(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(output)), path, output);
        if (source is not null)
        {
            return new FeatureFolder(source, IsOutputCopy: false);
        }

        var copy = Path.GetFullPath(Path.Combine(output, path));
        return Directory.Exists(copy) ? new FeatureFolder(copy, IsOutputCopy: true) : null;
    }

    public static string? ProjectDirectoryOf(Assembly? testAssembly) =>
        testAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == ProjectDirectoryKey)?.Value is { Length: > 0 } directory
            ? directory
            : null;

    private static string? FindUpwards(string? start, string path, string output)
    {
        for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.GetFullPath(Path.Combine(directory.FullName, path));
            if (Directory.Exists(candidate) && !IsInside(candidate, output))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsInside(string candidate, string folder)
    {
        var relative = Path.GetRelativePath(folder, candidate);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}

/// <summary>A features folder found by <see cref="FeaturePaths"/>.</summary>
/// <param name="Path">The absolute folder.</param>
/// <param name="IsOutputCopy">True when it is the copy in the test's output folder because the source tree was not found.</param>
internal sealed record FeatureFolder(string Path, bool IsOutputCopy);
