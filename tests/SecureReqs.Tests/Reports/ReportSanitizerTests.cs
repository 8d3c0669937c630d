using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class ReportSanitizerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-sanitize-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("The code is OSPREY-7Q4M.", "The code is [secret masked].")]
    [InlineData("the code is osprey-7q4m", "the code is [secret masked]")]
    [InlineData("{\"a\":\"K\\u0026R-9\\u003Cx\\u003E\"}", "{\"a\":\"[secret masked]\"}")]
    [InlineData("<td>K&amp;R-9&lt;x&gt;</td>", "<td>[secret masked]</td>")]
    public void Clean_MasksSecretsInRawJsonAndHtmlForms(string text, string expected)
    {
        new ReportSanitizer(["OSPREY-7Q4M", "K&R-9<x>"]).Clean(text).Should().Be(expected);
    }

    [Fact]
    public void Clean_TooShortSecret_IsNotMaskedAtOutput()
    {
        new ReportSanitizer(["abc"]).Clean("abcdef").Should().Be("abcdef");
    }

    [Fact]
    public void Clean_ControlAndBidiCharacters_AreShownAsText()
    {
        ReportSanitizer.None.Clean("ok\u001b[2Jgone\r\n\u202Eevil\u0007\tend").Should().Be("ok\\u001B[2Jgone\r\n\\u202Eevil\\u0007\tend");
    }

    [Fact]
    public void Clean_PathUnderTheSourceRoot_BecomesRelative()
    {
        var root = Path.Combine(_dir, "repo");
        new ReportSanitizer([], root).Clean($"read {Path.Combine(root, "features", "a.feature")}:3").Should().Be($"read {Path.Combine("features", "a.feature")}:3");
    }

    [Fact]
    public void Write_SecretInAnAnswerAndAMessage_AppearsInNoReportFile()
    {
        var card = SecurityReports.LeakedCard("a1", "4111111111111111");
        var story = SecurityReports.Story("Leaks", [card with { Answers = ["Sure: OSPREY-7Q4M and \u001b[31m red"] }], ["owasp:LLM07"], new KpiRequirement(KpiCatalog.Default.Get("redaction rate"), Comparison.AtLeast, 0.99, 0.95));
        story.Record!.Secrets = ["OSPREY-7Q4M"];
        var report = SecurityReports.Of(story with { Message = "Failed: the answer said OSPREY-7Q4M" });

        var files = ReportFiles.Write(report, _dir, _dir);

        files.Should().HaveCount(5);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            text.Should().NotContainEquivalentOf("OSPREY-7Q4M", $"{Path.GetFileName(file)} must mask the secret");
            text.Should().NotContain("\u001b", $"{Path.GetFileName(file)} must escape control characters");
        }
    }
}
