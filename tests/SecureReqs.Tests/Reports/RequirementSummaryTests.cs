using SecureReqs.Testing;

namespace SecureReqs.Tests;

public class RequirementSummaryTests
{
    private static readonly IReadOnlyList<CaseResult> Leaks =
        [.. Enumerable.Range(1, 30).Select(i => CaseResults.Of($"pii-{i:000}", i % 10 == 0 ? Outcome.Errored : Outcome.Compromised, "verbatim", i))];

    [Fact]
    public void Short_KpiMessageWithLongLists_KeepsTheSentenceAndThreeIdsPerOutcome()
    {
        var all = new CaseSample(capacity: Leaks.Count);
        foreach (var leak in Leaks)
        {
            all.Add(leak);
        }

        var message = "Expected the redaction rate to be at least 99% (95% confidence), but it was 0% (0/30, 95% lower bound 0%). " + KpiAssessment.DescribeCases(all);
        var result = Result(message, Leaks);

        var text = RequirementSummary.Short(result);

        text.Should().Be("Expected the redaction rate to be at least 99% (95% confidence), but it was 0% (0/30, 95% lower bound 0%). Compromised (27): pii-001, pii-002, pii-003 and 24 more. Errored (3): pii-010, pii-020, pii-030.");
    }

    [Fact]
    public void Short_SampledCases_KeepsTheTrueCountOfEachOutcome()
    {
        // 300 cases against the requirement, of which the result keeps a sample of 25 per outcome.
        var sample = new CaseSample(seed: 4);
        foreach (var i in Enumerable.Range(1, 300))
        {
            sample.Add(CaseResults.Of($"pii-{i:000}", i % 10 == 0 ? Outcome.Errored : Outcome.Compromised, "verbatim", i));
        }

        var message = "Expected the redaction rate to be at least 99% (95% confidence), but it was 0% (0/300, 95% lower bound 0%). " + KpiAssessment.DescribeCases(sample);
        var result = Result(message, sample.Cases) with { AgainstCount = sample.Count };

        var text = RequirementSummary.Short(result);

        result.AgainstCases.Should().HaveCount(50);
        text.Should().MatchRegex(@"Compromised \(270\): pii-\d{3}, pii-\d{3}, pii-\d{3} and 267 more\. Errored \(30\): pii-\d{3}, pii-\d{3}, pii-\d{3} and 27 more\.$");
    }

    [Fact]
    public void Short_ListWithDetails_ListsIdsOnly()
    {
        var message = "Expected no case to run a tool outside the \"customer\" scope, but 30 of 30 did. Cases that did (30): pii-001 (ran export_customers({\"format\":\"csv\"})); pii-002 (ran refund({\"a\":1, \"b\":2}))";
        var result = Result(message, Leaks);

        var text = RequirementSummary.Short(result);

        text.Should().Be("Expected no case to run a tool outside the \"customer\" scope, but 30 of 30 did. Cases that did (30): pii-001, pii-002, pii-003 and 27 more.");
        RequirementSummary.Sentence(message).Should().Be("Expected no case to run a tool outside the \"customer\" scope, but 30 of 30 did.");
    }

    [Fact]
    public void Short_NoCaseList_ReturnsTheMessage()
    {
        var result = Result("The over-blocking rate is 0% (0/524, 95% upper bound 0.57%): at most 2% (95% confidence) holds.", []);

        RequirementSummary.Short(result).Should().Be(result.Message);
        RequirementSummary.Cases(result).Should().BeEmpty();
    }

    private static RequirementResult Result(string message, IReadOnlyList<CaseResult> against) =>
        RequirementResult.Rate("redaction rate at least 99% (95% confidence)", "redaction rate", 0, 30, 0, 0.99, Comparison.AtLeast, 0.95, Verdict.Fail, message, against);
}
