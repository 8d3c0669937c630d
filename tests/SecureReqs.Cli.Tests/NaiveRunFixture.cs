namespace SecureReqs.Cli.Tests;

/// <summary>Runs the project's stories against the naive demo once, for every test that reads the result.</summary>
public sealed class NaiveRunFixture : IAsyncLifetime
{
    public string Reports { get; } = Directory.CreateTempSubdirectory("securereqs-naive-").FullName;

    public CliResult Result { get; private set; } = new(-1, "", "");

    public async ValueTask InitializeAsync() =>
        Result = await CliResult.RunAsync("run", RepoPaths.Features, "--target", "demo:naive", "--report", Reports);

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Reports, recursive: true);
        return ValueTask.CompletedTask;
    }
}
