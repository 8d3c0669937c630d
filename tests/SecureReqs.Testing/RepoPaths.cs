namespace SecureReqs.Testing;

/// <summary>Finds the repository's folders from a test's output folder.</summary>
public static class RepoPaths
{
    /// <summary>The repository's root: the folder holding SecureReqs.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The project's adversarial datasets.</summary>
    public static string Datasets => Path.Combine(Root, "adversarial-datasets");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureReqs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SecureReqs.sln not found above " + AppContext.BaseDirectory);
    }
}
