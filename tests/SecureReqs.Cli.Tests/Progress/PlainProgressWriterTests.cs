namespace SecureReqs.Cli.Tests;

public class PlainProgressWriterTests
{
    [Fact]
    public void Report_LongRun_PrintsStartThrottledUpdatesAndDone()
    {
        using var log = new StringWriter();
        var writer = new PlainProgressWriter(log, TimeSpan.FromSeconds(10));

        foreach (var (done, seconds) in new[] { (0, 0.0), (100, 4.0), (250, 10.0), (300, 12.0), (700, 25.0), (1000, 30.0) })
        {
            writer.Report(new StoryProgress("PII", "Cards", "pii.feature#0", new RunProgress(done, 1000, TimeSpan.FromSeconds(seconds))));
        }

        log.ToString().Should().Be(
            "progress: PII: Cards: sending 1000 cases\n" +
            "progress: PII: Cards: 250/1000 cases (25%), 25 cases/s, about 30 s left\n" +
            "progress: PII: Cards: 700/1000 cases (70%), 28 cases/s, about 10.7 s left\n" +
            "progress: PII: Cards: 1000/1000 cases done in 30 s (33 cases/s)\n");
    }

    [Fact]
    public void Report_TwoStoriesInterleaved_ThrottlesEachOnItsOwn()
    {
        using var log = new StringWriter();
        var writer = new PlainProgressWriter(log, TimeSpan.FromSeconds(10));

        writer.Report(new StoryProgress("F", "A", "a", new RunProgress(0, 10, TimeSpan.Zero)));
        writer.Report(new StoryProgress("F", "B", "b", new RunProgress(0, 10, TimeSpan.Zero)));
        writer.Report(new StoryProgress("F", "A", "a", new RunProgress(5, 10, TimeSpan.FromSeconds(11))));
        writer.Report(new StoryProgress("F", "B", "b", new RunProgress(1, 10, TimeSpan.FromSeconds(2))));

        log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "progress: F: A: sending 10 cases",
            "progress: F: B: sending 10 cases",
            "progress: F: A: 5/10 cases (50%), 0.5 cases/s, about 11 s left");
    }

    [Theory]
    [InlineData(42.26, "42.3 s")]
    [InlineData(125, "2 min 5 s")]
    [InlineData(3725, "1 h 2 min")]
    public void Duration_ReadsLikeAPerson(double seconds, string text) =>
        PlainProgressWriter.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(text);
}
