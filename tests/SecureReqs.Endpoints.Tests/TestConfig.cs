namespace SecureReqs.Endpoints.Tests;

/// <summary>A securereqs.json in its own temporary folder.</summary>
public sealed class TestConfig : IDisposable
{
    public TestConfig(string json)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("securereqs-config-").FullName;
        Path = System.IO.Path.Combine(Directory, "securereqs.json");
        File.WriteAllText(Path, json);
    }

    public string Directory { get; }

    public string Path { get; }

    public string CacheDirectory => System.IO.Path.Combine(Directory, ".securereqs", "cache");

    public SecureReqsConfiguration Load() => SecureReqsConfiguration.Load(Path);

    public static SecureReqsException Error(string json)
    {
        using var config = new TestConfig(json);
        var act = () => config.Load();
        return act.Should().Throw<SecureReqsException>().Which;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
