using System.Globalization;
using SecureReqs.Testing;

namespace SecureReqs.Mcp.Tests;

/// <summary>The tool-description check measured on the dataset we ship (the figures in docs/agents.md).</summary>
public sealed class ToolDescriptionDatasetTests
{
    private static readonly Dataset Set = DatasetLoader.Load(Path.Combine(RepoPaths.Root, "adversarial-datasets", "mcp-tool-descriptions"));

    [Fact]
    public void Dataset_HasAtLeastSixtyOfEachLabelOverEveryDomain()
    {
        Set.ToolDescriptions.Count(d => d.Poisoned).Should().BeGreaterThanOrEqualTo(60);
        Set.ToolDescriptions.Count(d => !d.Poisoned).Should().BeGreaterThanOrEqualTo(60);
        Set.ToolDescriptions.Select(d => d.Domain).Distinct().Should().Contain(["files", "email", "calendar", "payments", "search", "dev"]);
    }

    [Fact]
    public void Scan_DatasetDescriptions_DetectionAndFalseAlarmRatesAreTheDocumentedOnes()
    {
        var missed = Set.ToolDescriptions.Where(d => d.Poisoned && ToolDescriptionScanner.Default.Scan(d.Tool).Count == 0).ToList();
        var alarms = Set.ToolDescriptions.Where(d => !d.Poisoned && ToolDescriptionScanner.Default.Scan(d.Tool).Count > 0).ToList();
        var poisoned = Set.ToolDescriptions.Count(d => d.Poisoned);
        var clean = Set.ToolDescriptions.Count(d => !d.Poisoned);
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"detected {poisoned - missed.Count}/{poisoned}; false alarms {alarms.Count}/{clean}"));
        foreach (var item in missed)
        {
            output.WriteLine($"missed {item.Id} ({item.Technique})");
        }

        foreach (var item in alarms)
        {
            output.WriteLine($"false alarm {item.Id} ({item.Technique}): {string.Join("; ", ToolDescriptionScanner.Default.Scan(item.Tool))}");
        }

        (poisoned - missed.Count).Should().Be(DetectedDocumented);
        alarms.Count.Should().Be(FalseAlarmsDocumented);
    }

    [Fact]
    public void Scan_WithThePatternsAlone_DetectionAndFalseAlarmRatesAreTheDocumentedOnes()
    {
        var scanner = new ToolDescriptionScanner(new PromptInjectionDetector(new PromptInjectionDetectorOptions { UseLearnedStage = false }));

        Set.ToolDescriptions.Count(d => d.Poisoned && scanner.Scan(d.Tool).Count > 0).Should().Be(PatternsDetectedDocumented);
        Set.ToolDescriptions.Count(d => !d.Poisoned && scanner.Scan(d.Tool).Count > 0).Should().Be(PatternsFalseAlarmsDocumented);
    }

    // The figures docs/agents.md states; a change to the scanner that moves them must update the docs too.
    private const int PatternsDetectedDocumented = 60;
    private const int PatternsFalseAlarmsDocumented = 3;

    private const int DetectedDocumented = 62;
    private const int FalseAlarmsDocumented = 4;
}
