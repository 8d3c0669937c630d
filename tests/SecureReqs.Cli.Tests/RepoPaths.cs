namespace SecureReqs.Cli.Tests;

/// <summary>Finds the repository's folders from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Features => Path.Combine(Root, "features");

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
