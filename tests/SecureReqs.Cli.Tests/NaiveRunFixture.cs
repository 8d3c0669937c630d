namespace SecureReqs.Cli.Tests;

/// <summary>
/// Runs the project's stories against the naive demo once, for every test that reads the result. Stories still marked
/// work in progress (a line <c>@ignore</c>) run too: the naive build must fail every story, finished or not.
/// </summary>
public sealed class NaiveRunFixture : IAsyncLifetime
{
    public string Reports { get; } = Directory.CreateTempSubdirectory("securereqs-naive-").FullName;

    public CliResult Result { get; private set; } = new(-1, "", "");

    public async ValueTask InitializeAsync()
    {
        var features = Path.Combine(Reports, "features");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Features, "*.feature", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(features, Path.GetRelativePath(RepoPaths.Features, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.WriteAllLines(copy, File.ReadAllLines(file).Where(line => line.Trim() != "@ignore"));
        }

        Result = await CliResult.RunAsync("run", features, "--target", "demo:naive", "--datasets", RepoPaths.Datasets, "--report", Path.Combine(Reports, "out"));
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Reports, recursive: true);
        return ValueTask.CompletedTask;
    }
}
