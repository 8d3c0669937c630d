namespace SecureReqs.Xunit;

/// <summary>Finds a features folder given relative to the test assembly's output folder or to one of its parents.</summary>
/// <remarks>Walking up lets a test project point at feature files in the repository (for example <c>../features</c>
/// next to the project) without copying them; copying them to the output folder works too.</remarks>
internal static class FeaturePaths
{
    public static string? Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? Path.GetFullPath(path) : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, path);
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
