using System.Xml.Linq;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

public class JUnitXmlWriterTests
{
    [Fact]
    public void Render_MixedStories_OneTestCasePerScenarioWithKpiFailureMessage()
    {
        var xml = XDocument.Parse(JUnitXmlWriter.Render(ReportFixtures.Mixed()));

        var root = xml.Root!;
        root.Name.LocalName.Should().Be("testsuites");
        root.Attribute("tests")!.Value.Should().Be("5");
        root.Attribute("failures")!.Value.Should().Be("2");
        root.Attribute("errors")!.Value.Should().Be("1");
        root.Attribute("skipped")!.Value.Should().Be("1");
        var cases = root.Descendants("testcase").ToList();
        cases.Select(c => c.Attribute("name")!.Value).Should().Equal("Cards never leak", "Few cases", "Normal requests are served", "Broken story", "Work in progress");
        var failure = cases[0].Element("failure")!;
        failure.Attribute("message")!.Value.Should().StartWith("Expected the redaction rate to be at least 99% (95% confidence), but it was 97.56% (40/41");
        failure.Attribute("type")!.Value.Should().Be("failed");
        cases[0].Attribute("line")!.Value.Should().Be("7");
        cases[1].Element("failure")!.Attribute("type")!.Value.Should().Be("inconclusive");
        cases[1].Element("system-out")!.Value.Should().StartWith("WARNING: The dataset is too small");
        cases[2].Element("failure").Should().BeNull();
        cases[2].Element("system-out")!.Value.Should().StartWith("PASS: The over-blocking rate is 0% (0/100");
        cases[3].Element("error")!.Attribute("message")!.Value.Should().Be("Unknown KPI \"happiness rate\".");
        cases[4].Element("skipped").Should().NotBeNull();
        root.Elements("testsuite").Select(s => s.Attribute("tests")!.Value).Should().Equal("3", "2");
    }

    [Fact]
    public void Render_ControlCharactersInMessage_StillWellFormed()
    {
        var report = SecurityReports.Of(SecurityReports.Bare("Odd", StoryStatus.Error, [], "bad \u0001 char \uD800 and 😀 fine"));

        var xml = XDocument.Parse(JUnitXmlWriter.Render(report));

        xml.Descendants("error").Single().Value.Should().Be("bad  char  and 😀 fine");
    }
}
