using SecureReqs.Reqnroll;

namespace SecureReqs.Tests;

/// <summary>A story that streams its cases (keeping only counts and samples) must reach the same results as one that
/// keeps every case, whatever order the cases finish in.</summary>
public sealed class StreamedStoryTests
{
    [Theory]
    [MemberData(nameof(NaiveDemoStories.Names), MemberType = typeof(NaiveDemoStories))]
    public async Task Streamed_NaiveDemo_SameResultsAsKeepingEveryCase_AtAnyConcurrency(string story)
    {
        var kept = await RunAsync(story, keepCases: true, concurrency: 1);
        var streamed = await RunAsync(story, keepCases: false, concurrency: 8);
        var streamedAgain = await RunAsync(story, keepCases: false, concurrency: 3);

        kept.Results.Should().NotBeEmpty();
        kept.Results.Should().Contain(r => r.Verdict != Verdict.Pass, "the naive demo fails something in every one of these stories");
        foreach (var other in new[] { streamed, streamedAgain })
        {
            other.Results.Select(Summary).Should().Equal(kept.Results.Select(Summary));
            other.Results.Select(r => r.AgainstCount).Should().Equal(kept.Results.Select(r => r.AgainstCount));
            other.Results.Select(r => string.Join(",", r.AgainstCases.Select(c => c.Id))).Should().Equal(kept.Results.Select(r => string.Join(",", r.AgainstCases.Select(c => c.Id))));
            other.Streamed.Should().BeEquivalentTo(kept.Streamed, "every case goes to the stream, kept or not");
        }

        streamed.Record.Run!.Cases.Should().BeEmpty("a streamed run keeps no case in memory");
        streamed.Record.Run.CaseCount.Should().Be(kept.Record.Run!.Cases.Count);
        streamed.Record.Sample!.Cases.Select(c => c.Id).Should().Equal(kept.Record.Sample!.Cases.Select(c => c.Id));
        kept.Results.Where(r => r.AgainstCount > CaseSample.DefaultCapacity).Should().OnlyContain(r => r.AgainstCases.Count < r.AgainstCount, "many cases against a requirement are sampled, not all kept");
    }

    [Fact]
    public void Evaluate_RunThatKeptNoCase_IsRefusedInsteadOfPassing()
    {
        var run = new RunResult("t", "d", []) { Tally = RunTally.Of(Testing.CaseResults.Attacks(3, 2)) };
        var requirement = KpiThreshold.Parse("attack success rate", Comparison.AtMost, "5", null, 0.95);

        var act = () => requirement.Evaluate(run, new StoryEvidence(run, null));

        act.Should().Throw<SecureReqsException>().WithMessage("*kept 0 of its 5 cases*Observe the cases as they finish*");
    }

    [Fact]
    public void Observe_LatencyAndTokens_InAnyOrder_SameResultsAsInCaseOrder()
    {
        var cases = Enumerable.Range(0, 2000).Select(i => Testing.CaseResults.Of($"c{i}", i % 17 == 0 ? Outcome.Errored : Outcome.Resisted, index: i) with
        {
            Requests = i % 17 == 0 ? [] : [new TargetRequest(TimeSpan.FromMilliseconds(i * 7 % 1000), new Microsoft.Extensions.AI.UsageDetails { TotalTokenCount = i * 13 % 900 })],
        }).ToList();
        var shuffled = cases.OrderBy(c => CaseSample.Priority(5, c.Instance.Index)).ToList();
        var run = new RunResult("t", "d", cases);
        foreach (var requirement in new RunRequirement[] { LatencyPercentile.Parse("90", "0.5", null, 0.95), TokenBudget.Parse("800") })
        {
            var evidence = new StoryEvidence(run, null) { Seed = 3 };
            var inOrder = requirement.Evaluate(run, evidence);
            var observer = requirement.Observe(evidence);
            shuffled.ForEach(observer.Add);
            var outOfOrder = observer.Finish(run, evidence);

            outOfOrder.Verdict.Should().Be(Verdict.Fail);
            Summary(outOfOrder).Should().Be(Summary(inOrder));
            outOfOrder.AgainstCases.Select(c => c.Id).Should().Equal(inOrder.AgainstCases.Select(c => c.Id));
            outOfOrder.AgainstCount.Should().Be(inOrder.AgainstCount).And.BeGreaterThan(2 * CaseSample.DefaultCapacity);
            outOfOrder.AgainstCases.Should().HaveCountLessThan(outOfOrder.AgainstCount);
        }
    }

    private static string Summary(RequirementResult r) => $"{r.Requirement}|{r.Verdict}|{r.Count}/{r.Total}|{r.Bound:R}|{r.Message}";

    private static async Task<(IReadOnlyList<RequirementResult> Results, StoryRecord Record, List<string> Streamed)> RunAsync(string story, bool keepCases, int concurrency)
    {
        var streamed = new List<string>();
        var settings = new SecureReqsSettings
        {
            Targets = new TargetRegistry().AddProvider(Demo.DemoTargets.Provider),
            DatasetsDirectory = Path.Combine(Testing.RepoPaths.Root, "adversarial-datasets"),
            RepositoryRoot = Testing.RepoPaths.Root,
            RunOptions = new SecurityRunOptions { MaxConcurrency = concurrency },
            KeepCases = keepCases,
            OnCaseCompleted = c => streamed.Add($"{c.Run}:{c.Case.Id}:{c.Case.Outcome}"),
        };
        var driver = new SecurityStoryDriver(settings, new SecurityStory(settings.Journal.Begin("Feature", story, []), settings.StoryOptions()));
        driver.UseTarget("demo:naive");
        NaiveDemoStories.Configure(driver, story);

        var results = await driver.Story.ExecuteAsync(TestContext.Current.CancellationToken);
        streamed.Sort(StringComparer.Ordinal);
        return (results, driver.Story.Record, streamed);
    }
}
