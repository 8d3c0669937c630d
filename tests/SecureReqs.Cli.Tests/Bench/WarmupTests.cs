namespace SecureReqs.Cli.Tests;

public sealed class WarmupTests
{
    [Fact]
    public async Task RunSampleStory_JudgesARefusalALeakAndAServedQuestion_AndRendersEveryReport()
    {
        // The warm-up is only worth its thread if it goes through the code the first real answers use.
        var (cases, report) = await Warmup.RunSampleStoryAsync();
        var reports = ReportFiles.Render(report, Directory.GetCurrentDirectory()).ToList();

        cases.Select(r => r.Outcome).Should().Equal(Outcome.Detected, Outcome.Compromised, Outcome.Served);
        cases.Should().AllSatisfy(r => r.Requests.Should().ContainSingle());
        reports.Select(r => r.Name).Should().Equal(ReportFiles.Names);
        reports.Single(r => r.Name == "results.json").Text.Should().Contain("three made-up cases");
    }
}
