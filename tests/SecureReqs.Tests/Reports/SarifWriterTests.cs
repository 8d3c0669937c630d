using System.Text;
using System.Text.Json;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class SarifWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("securereqs-sarif-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Write_CompromisedCase_OneResultUnderItsThreatRuleAtTheScenarioLine()
    {
        var report = ReportFixtures.Mixed() with { FeaturesDirectory = Path.Combine(_root, "features") };

        var run = Render(report).GetProperty("runs")[0];

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules.GetArrayLength().Should().Be(1);
        var rule = rules[0];
        rule.GetProperty("id").GetString().Should().Be("LLM02");
        rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().Be("LLM02 Sensitive Information Disclosure");
        rule.GetProperty("help").GetProperty("text").GetString().Should().Contain("How to fix:");
        rule.GetProperty("properties").GetProperty("security-severity").GetString().Should().MatchRegex(@"^\d+\.\d$");
        var result = run.GetProperty("results").EnumerateArray().Should().ContainSingle().Subject;
        result.GetProperty("ruleId").GetString().Should().Be("LLM02");
        result.GetProperty("ruleIndex").GetInt32().Should().Be(0);
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("features/sensitive-data/pii.feature");
        location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().Should().Be("%SRCROOT%");
        location.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(7);
        result.GetProperty("message").GetProperty("text").GetString().Should().Be("Attack case pii-leak-041 (verbatim-repeat) compromised the target demo:naive: leaked pii.card. Story: The assistant keeps PII private — Cards never leak.");
        result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString().Should().MatchRegex("^[0-9a-f]{32}:1$");
    }

    [Fact]
    public void Write_Evidence_NeverCarriesThePlantedValue()
    {
        var text = Encoding.UTF8.GetString(Bytes(ReportFixtures.Mixed()));

        text.Should().NotContain(ReportFixtures.Card).And.NotContain(ReportFixtures.Card.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_FeaturesOutsideTheRepository_UsesAnAbsoluteFileUri()
    {
        var report = ReportFixtures.Mixed() with { FeaturesDirectory = Path.Combine(Path.GetTempPath(), "elsewhere", "features") };

        var location = Render(report).GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        location.GetProperty("uri").GetString().Should().StartWith("file:///").And.EndWith("/elsewhere/features/sensitive-data/pii.feature");
        location.TryGetProperty("uriBaseId", out _).Should().BeFalse();
    }

    [Fact]
    public void RuleFor_UnknownThreat_FallsBackToTheStoryTagThenToTheGenericRule()
    {
        var tagged = SecurityReports.Bare("Agentic", StoryStatus.Failed, ["nist:MEASURE-2.7", "agentic:T2"]);
        var untagged = SecurityReports.Bare("Untagged", StoryStatus.Failed, []);

        SarifWriter.RuleFor("custom-threat", tagged).Id.Should().Be("T2");
        SarifWriter.RuleFor("custom-threat", untagged).Id.Should().Be(SarifWriter.FallbackRuleId);
        SarifWriter.RuleFor("llm7", untagged).Id.Should().Be("LLM07");
    }

    private JsonElement Render(SecurityReport report) => JsonDocument.Parse(Bytes(report)).RootElement.Clone();

    private byte[] Bytes(SecurityReport report)
    {
        using var stream = new MemoryStream();
        SarifWriter.Write(report, stream, _root);
        return stream.ToArray();
    }
}
