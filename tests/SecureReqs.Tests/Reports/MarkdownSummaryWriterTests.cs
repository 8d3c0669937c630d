namespace SecureReqs.Tests;

public sealed class MarkdownSummaryWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-md-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Append_ExistingSummary_KeepsItAndAddsTheStories()
    {
        var path = Path.Combine(_dir, "step-summary.md");
        File.WriteAllText(path, "# Build\n\nearlier step\n");

        ReportFiles.AppendSummary(ReportFixtures.Mixed(), path, _dir);

        var text = File.ReadAllText(path);
        text.Should().StartWith("# Build\n\nearlier step\n## SecureReqs: the security stories did not pass");
        text.Should().Contain("**1** passed · **1** failed · **1** inconclusive · **1** error · **1** skipped");
        text.Should().Contain("| The assistant keeps PII private: Cards never leak | failed | redaction rate at least 99% (95% confidence) | 97.56% (40/41) |");
        text.Should().Contain("### Warnings").And.Contain("**Few cases**: The dataset is too small");
        text.Should().Contain("<summary>ERROR: Bare stories: Broken story (other/bare.feature:3)</summary>");
        text.Should().Contain("| owasp: LLM02 Sensitive Information Disclosure | failed |");
        text.Should().NotContain(ReportFixtures.Card);
    }
}
