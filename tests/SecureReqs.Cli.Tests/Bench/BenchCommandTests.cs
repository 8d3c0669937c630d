using System.Text.Json;

namespace SecureReqs.Cli.Tests;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-bench-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Bench_SmallRun_RunsThePipelineAndPrintsThroughputAndMemory()
    {
        var result = await CliResult.RunAsync("bench", "--cases", "3000", "--concurrency", "4", "--report", _dir);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("securereqs bench: 3,000 cases (2,700 attacks, 300 benign), concurrency 4")
            .And.MatchRegex(@"start-up \(process start to first request\): \d+\.\d{3} s")
            .And.MatchRegex(@"end to end \(process start to reports written\): \d+\.\d{3} s = [\d,]+ judged cases/s")
            .And.MatchRegex(@"peak working set: \d+ MB")
            .And.MatchRegex(@"pass: The attack success rate is [\d.]+% \(\d+/2700");

        // The real pipeline: every case streamed, every report written, a few of the attacks leaked and judged so.
        File.ReadAllLines(Path.Combine(_dir, "results.ndjson")).Should().HaveCount(3000);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "results.json")));
        var outcomes = results.RootElement.GetProperty("stories")[0].GetProperty("outcomes");
        outcomes.GetProperty("cases").GetInt32().Should().Be(3000);
        outcomes.GetProperty("compromised").GetInt32().Should().BeInRange(1, 150);
        outcomes.GetProperty("served").GetInt32().Should().Be(300);
        File.Exists(Path.Combine(_dir, "report.html")).Should().BeTrue();
    }

    [Theory]
    [InlineData("--cases", "599")]
    [InlineData("--concurrency", "300")]
    [InlineData("--latency-ms", "-1")]
    public async Task Bench_OutOfRange_IsAUsageErrorThatSaysTheRanges(string option, string value)
    {
        var result = await CliResult.RunAsync("bench", option, value);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--cases takes 600 to 10,000,000").And.Contain("--concurrency 1 to 256, --latency-ms 0 to 60,000");
    }
}
