namespace SecureReqs.Runner.Tests.Fixtures;

/// <summary>Paths of the fixture feature folders copied to the test output.</summary>
public static class FixtureFeatures
{
    public static string RunnerFolder(string name) => $"Features/Runner/{name}";

    public static string FullPath(string name) => Path.Combine(AppContext.BaseDirectory, "Features", "Runner", name);
}
