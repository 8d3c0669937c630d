namespace SecureReqs.Demo.Server.Tests;

/// <summary>Where the repository's samples are, found from the test's folder upwards.</summary>
public static class SamplePaths
{
    /// <summary>samples/endpoint.</summary>
    public static string EndpointSample { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "samples", "endpoint");
            if (File.Exists(Path.Combine(sample, "securereqs.json")))
            {
                return sample;
            }
        }

        throw new InvalidOperationException("samples/endpoint/securereqs.json was not found above " + AppContext.BaseDirectory);
    }
}
