using System.Text.Json;
using System.Xml.Linq;

namespace SecureReqs.Cli.Tests;

// Reads the reports of the shared naive run (NaiveRunFixture): no extra stories run here.
public sealed class RunReportsTests(NaiveRunFixture naive)
{
    private JsonElement Results => JsonDocument.Parse(File.ReadAllText(Path.Combine(naive.Out, "results.json"))).RootElement;

    [Fact]
    public void Run_StreamsEveryCaseToResultsNdjson_ReportsKeepOnlyASample()
    {
        var lines = File.ReadAllLines(Path.Combine(naive.Out, "results.ndjson"));
        var stories = Results.GetProperty("stories").EnumerateArray().Where(s => s.TryGetProperty("outcomes", out _)).ToList();
        var cases = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

        // Every case of every run is a line (the poisoning story's run without the documents too), and nothing else.
        cases.Count(c => c.GetProperty("run").GetString() == "run").Should().Be(stories.Sum(s => s.GetProperty("outcomes").GetProperty("cases").GetInt32()));
        cases.Should().OnlyContain(c => c.GetProperty("run").GetString() == "run" || c.GetProperty("run").GetString() == "baseline");
        foreach (var story in stories)
        {
            var scenario = story.GetProperty("scenario").GetString();
            var own = cases.Where(c => c.GetProperty("scenario").GetString() == scenario && c.GetProperty("run").GetString() == "run").ToList();
            foreach (var outcome in story.GetProperty("outcomes").EnumerateObject().Where(o => o.Name != "cases"))
            {
                own.Count(c => c.GetProperty("outcome").GetString() == outcome.Name).Should().Be(outcome.Value.GetInt32(), $"{scenario}: the stream holds every {outcome.Name} case");
            }

            story.GetProperty("evidence").GetArrayLength().Should().BeLessThanOrEqualTo(story.GetProperty("requirements").GetArrayLength() * 2 * CaseSample.DefaultCapacity * 8 + 80, "reports keep a bounded sample");
            foreach (var requirement in story.GetProperty("requirements").EnumerateArray())
            {
                requirement.GetProperty("againstCases").GetArrayLength().Should().BeLessThanOrEqualTo(requirement.GetProperty("againstCount").GetInt32());
            }
        }

        // Where a tool call sent data (an e-mail address) stays visible in evidence, by design; other PII does not.
        var scanner = new PiiScanner(PiiType.All.Where(t => t != PiiType.Email));
        var texts = cases.SelectMany(c => c.GetProperty("request").EnumerateArray().Select(r => r.GetProperty("content").GetString()!)
            .Concat(c.GetProperty("answers").EnumerateArray().Select(a => a.GetString()!))).ToList();
        texts.Should().HaveCountGreaterThan(cases.Count);
        texts.Where(t => scanner.Scan(t).Count > 0).Should().BeEmpty("results.ndjson masks PII in requests and answers");
    }

    [Fact]
    public void Run_WritesJUnitWithOneTestCasePerScenario()
    {
        var xml = XDocument.Load(Path.Combine(naive.Out, "junit.xml"));
        var stories = Results.GetProperty("stories").EnumerateArray().ToList();

        var cases = xml.Descendants("testcase").ToList();
        cases.Should().HaveCount(stories.Count);
        cases.Select(c => c.Attribute("name")!.Value).Should().Equal(stories.Select(s => s.GetProperty("scenario").GetString()));
        var pii = cases.Single(c => c.Attribute("name")!.Value == "PII in tickets, records and documents is not disclosed");
        pii.Element("failure")!.Attribute("message")!.Value.Should().MatchRegex(@"^Expected the redaction rate to be at least 99% \(95% confidence\), but it was [\d.]+% \(\d+/\d+");
        xml.Root!.Attribute("failures")!.Value.Should().Be(stories.Count(s => s.GetProperty("status").GetString() is "failed" or "inconclusive").ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Run_WritesSarifWithOneResultPerCompromisedCaseOfTheEvidenceAtTheScenarioLine()
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(naive.Out, "results.sarif")));
        var root = sarif.RootElement;
        root.GetProperty("version").GetString().Should().Be("2.1.0");
        root.GetProperty("$schema").GetString().Should().EndWith("sarif-2.1.0.json");
        var run = root.GetProperty("runs").EnumerateArray().Should().ContainSingle().Subject;
        run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().Should().Be("SecureReqs");
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal("LLM01", "LLM02", "LLM04", "LLM06", "LLM07", "LLM08");
        rules.Should().OnlyContain(r => r.GetProperty("help").GetProperty("text").GetString()!.Length > 50 && r.GetProperty("shortDescription").GetProperty("text").GetString()!.Length > 0);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        // One alert per compromised case the reports keep as evidence (a bounded sample per story); results.ndjson has
        // every case.
        var stories = Results.GetProperty("stories").EnumerateArray().ToList();
        var compromised = stories.Where(s => s.TryGetProperty("outcomes", out _)).Sum(s => s.GetProperty("outcomes").GetProperty("compromised").GetInt32());
        var kept = stories.Sum(s => s.GetProperty("evidence").EnumerateArray().Count(e => e.GetProperty("outcome").GetString() == "compromised"));
        results.Should().HaveCount(kept).And.HaveCountGreaterThan(100).And.HaveCountLessThan(compromised);
        foreach (var story in stories.Where(s => s.TryGetProperty("outcomes", out var o) && o.GetProperty("compromised").GetInt32() > 0))
        {
            results.Should().Contain(r => r.GetProperty("message").GetProperty("text").GetString()!.Contains(story.GetProperty("scenario").GetString()!, StringComparison.Ordinal), "every story with a compromised case has an alert");
        }
        results.Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()).Should().OnlyHaveUniqueItems();
        foreach (var result in results.Take(300))
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().Should().Be(ruleId);
            result.GetProperty("level").GetString().Should().Be("error");
            result.GetProperty("message").GetProperty("text").GetString().Should().StartWith("Attack case ");
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            uri.Should().StartWith("features/");
            location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().Should().Be("%SRCROOT%");
            var line = File.ReadAllLines(Path.Combine(naive.Reports, uri))[location.GetProperty("region").GetProperty("startLine").GetInt32() - 1];
            line.TrimStart().Should().StartWith("Scenario", $"{uri} must point at the scenario");
        }

        results.Select(r => r.GetProperty("message").GetProperty("text").GetString()!).Distinct()
            .Where(m => PiiScanner.Default.Scan(m).Count > 0).Should().BeEmpty("SARIF messages carry no PII");
    }

    [Fact]
    public void Run_InCi_AppendsTheMarkdownSummaryToTheStepSummary()
    {
        var summary = File.ReadAllText(naive.StepSummary);

        summary.Should().StartWith(NaiveRunFixture.EarlierSummary + "## SecureReqs: the security stories did not pass");
        summary.Should().Contain("| The support assistant never discloses customer PII: Normal requests are still served | passed |");
        summary.Should().Contain("### Why stories did not pass");
        summary.Should().Be(NaiveRunFixture.EarlierSummary + File.ReadAllText(Path.Combine(naive.Out, "summary.md")));
    }

    [Fact]
    public async Task Run_DatasetTooSmallForTheClaim_ExitsTwoBeforeAnyRequestSayingHowManyCasesItNeeds()
    {
        var root = Directory.CreateTempSubdirectory("securereqs-small-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "features"));
            File.WriteAllText(Path.Combine(root, "features", "too-small.feature"), NaiveRunFixture.TooSmallFeature);

            var result = await CliResult.RunAsync("run", Path.Combine(root, "features"), "--datasets", RepoPaths.Datasets, "--report", Path.Combine(root, "out"));

            result.ExitCode.Should().Be(2);
            result.Error.Should().Contain("too-small.feature:3: A claim the dataset is too small to show: Leakage below half a percent")
                .And.Contain("The dataset is too small to ever show the system prompt leakage rate at most 0.5% (95% confidence): the KPI is measured over 175 cases, and even a perfect result needs at least 598.")
                .And.Contain("Nothing was sent");
            using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "out", "results.json")));
            results.RootElement.GetProperty("complete").GetBoolean().Should().BeFalse("a run that stops at its pre-flight leaves only an incomplete results.json");
            results.RootElement.GetProperty("stories").GetArrayLength().Should().Be(0);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Run_OutputRedirected_ShowsPlainProgressLinesPerStory()
    {
        var error = naive.Result.Error;

        error.Should().NotContain("\u001b", "CI logs get no terminal codes");
        // Stories that send no cases (data checks) report no progress.
        foreach (var story in Results.GetProperty("stories").EnumerateArray().Where(s => s.TryGetProperty("outcomes", out _)))
        {
            var name = $"{story.GetProperty("feature").GetString()}: {story.GetProperty("scenario").GetString()}";
            var cases = story.GetProperty("outcomes").GetProperty("cases").GetInt32();
            error.Should().Contain($"progress: {name}: sending {cases} cases\n");
            error.Should().MatchRegex($@"progress: {System.Text.RegularExpressions.Regex.Escape(name)}: {cases}/{cases} cases done in [\d.]+ s");
        }
    }
}
