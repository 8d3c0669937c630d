using System.Text.Json.Nodes;
using SecureReqs.Reqnroll;

namespace SecureReqs.Tests;

/// <summary>Shards add up to the run of every case: the same counts, bounds, verdicts, messages and samples.</summary>
public sealed class ShardedStoryTests
{
    [Theory]
    [MemberData(nameof(NaiveDemoStories.Names), MemberType = typeof(NaiveDemoStories))]
    public async Task Merge_ThreeShardsOfTheNaiveDemo_SameResultsAsOneRunOfEveryCase(string story)
    {
        var whole = await RunAsync(story, shard: null, merge: null);
        var shards = new List<ShardFile>();
        var sent = 0;
        for (var i = 1; i <= 3; i++)
        {
            var part = await RunAsync(story, new ShardSpec(i, 3), merge: null);
            sent += part.Record.Run!.CaseCount;
            part.Record.ShardState.Should().NotBeNull();

            // Through text, as shard.json carries it.
            var state = JsonNode.Parse(part.Record.ShardState!.ToJsonString())!.AsObject();
            shards.Add(new ShardFile { Path = $"shard-{i}", Shard = new ShardSpec(i, 3), ToolCommit = "c", Stories = new Dictionary<string, JsonObject> { [story] = state } });
        }

        var merged = await RunAsync(story, shard: null, ShardMerge.Create(shards));

        sent.Should().Be(whole.Record.Run!.CaseCount, "the shards together send every case once");
        whole.Results.Should().Contain(r => r.Verdict != Verdict.Pass, "the naive demo fails something in every one of these stories");
        merged.Results.Select(Summary).Should().Equal(whole.Results.Select(Summary));
        merged.Results.Select(r => string.Join(",", r.AgainstCases.Select(c => $"{c.Id}:{c.Outcome}:{c.Finding}"))).Should().Equal(whole.Results.Select(r => string.Join(",", r.AgainstCases.Select(c => $"{c.Id}:{c.Outcome}:{c.Finding}"))));
        merged.Results.Select(r => r.Breakdown.Count + ":" + string.Join(",", r.Breakdown)).Should().Equal(whole.Results.Select(r => r.Breakdown.Count + ":" + string.Join(",", r.Breakdown)));
        merged.Record.Sample!.Cases.Select(c => c.Id).Should().Equal(whole.Record.Sample!.Cases.Select(c => c.Id));
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            merged.Record.Run!.Count(outcome).Should().Be(whole.Record.Run!.Count(outcome));
        }

        merged.Record.Run!.Tally.Consumption().Requests.Should().Be(whole.Record.Run!.Tally.Consumption().Requests);
        merged.Record.Notes.Should().Equal(whole.Record.Notes);
        merged.Streamed.Should().Be(0, "a merge sends nothing");
    }

    [Fact]
    public async Task Merge_AShardThatSentFewerCasesThanItsPart_IsAnErrorNamingTheShard_NotAPass()
    {
        var parts = new List<ShardFile>();
        for (var i = 1; i <= 2; i++)
        {
            var part = await RunAsync("prompt", new ShardSpec(i, 2), merge: null);
            var state = part.Record.ShardState!;
            if (i == 2)
            {
                // A shard that claims fewer cases than its part holds.
                state["run"]!["cases"] = state["run"]!["cases"]!.GetValue<int>() - 1;
                state["run"]!["outcomes"]!["Resisted"] = state["run"]!["outcomes"]!["Resisted"]!.GetValue<int>() - 1;
            }

            parts.Add(new ShardFile { Path = $"shard-{i}", Shard = new ShardSpec(i, 2), ToolCommit = "c", Stories = new Dictionary<string, JsonObject> { ["prompt"] = state } });
        }

        var act = () => RunAsync("prompt", shard: null, ShardMerge.Create(parts));

        (await act.Should().ThrowAsync<SecureReqsException>()).WithMessage("shard-2, story \"prompt\": the shard sent 95 cases, but its part of the story has 96*Run the shard again.");
    }

    [Fact]
    public void Observers_LatencyAndTokens_SplitIntoShards_SameResultsAsOneObserver()
    {
        var cases = Enumerable.Range(0, 2000).Select(i => Testing.CaseResults.Of($"c{i}", i % 17 == 0 ? Outcome.Errored : Outcome.Resisted, index: i) with
        {
            Requests = i % 17 == 0 ? [] : [new TargetRequest(TimeSpan.FromMilliseconds(i * 7 % 1000), new Microsoft.Extensions.AI.UsageDetails { TotalTokenCount = i * 13 % 900 })],
            Error = i % 17 == 0 ? "timed out" : null,
        }).ToList();
        var run = new RunResult("t", "d", cases);
        var context = new ShardContext([.. cases.Select(c => c.Instance)]);
        foreach (var requirement in new RunRequirement[] { LatencyPercentile.Parse("90", "0.5", null, 0.95), TokenBudget.Parse("800"), KpiThreshold.Parse("error rate", Comparison.AtMost, "1", null, 0.95) })
        {
            requirement.Shardable.Should().BeTrue();
            var evidence = new StoryEvidence(run, null) { Seed = 3 };
            var whole = requirement.Evaluate(run, evidence);
            var merged = requirement.Observe(evidence);
            for (var i = 1; i <= 4; i++)
            {
                var shard = new ShardSpec(i, 4);
                var part = requirement.Observe(evidence);
                cases.Where(c => shard.Owns(3, c.Instance.Index)).ToList().ForEach(part.Add);
                merged.Merge(JsonNode.Parse(part.Save().ToJsonString())!.AsObject(), context);
            }

            var result = merged.Finish(run, evidence);

            result.Verdict.Should().Be(Verdict.Fail);
            Summary(result).Should().Be(Summary(whole));
            result.AgainstCases.Select(c => c.Id).Should().Equal(whole.AgainstCases.Select(c => c.Id));
            result.AgainstCount.Should().Be(whole.AgainstCount);
        }
    }

    [Fact]
    public void Merge_DamagedState_SaysTheShardIsDamaged()
    {
        var observer = KpiThreshold.Parse("error rate", Comparison.AtMost, "1", null, 0.95).Observe(new StoryEvidence(null, null));
        var context = new ShardContext([]);

        var act = () => observer.Merge(new JsonObject { ["counted"] = new JsonObject { ["count"] = 1, ["groups"] = new JsonArray() } }, context);

        act.Should().Throw<SecureReqsException>().WithMessage("*shard's state is damaged*Run the shard again*");
    }

    [Fact]
    public void Preflight_ShardedStoryWithARequirementJudgedAfterTheRun_IsAProblemBeforeAnythingIsSent()
    {
        var settings = new SecureReqsSettings
        {
            Targets = new TargetRegistry().AddProvider(Demo.DemoTargets.Provider),
            DatasetsDirectory = Path.Combine(Testing.RepoPaths.Root, "adversarial-datasets"),
            RepositoryRoot = Testing.RepoPaths.Root,
            Shard = new ShardSpec(1, 2),
        };
        var driver = new SecurityStoryDriver(settings, new SecurityStory(settings.Journal.Begin("Feature", "after", [], key: "after"), settings.StoryOptions()));
        driver.UseTarget("demo:naive");
        driver.UseDataset("system-prompt-extraction");
        driver.SendCases();
        driver.RequireSystemPromptNeverRevealed();
        driver.Story.Require(new JudgedAfterTheRun());

        driver.Story.Preflight().Should().ContainSingle().Which.Should().Contain("cannot be split across shards").And.Contain("without --shard");
    }

    private static string Summary(RequirementResult r) => $"{r.Requirement}|{r.Verdict}|{r.Count}/{r.Total}|{r.Bound:R}|{r.AgainstCount}|{r.Message}";

    private static async Task<(IReadOnlyList<RequirementResult> Results, StoryRecord Record, int Streamed)> RunAsync(string story, ShardSpec? shard, ShardMerge? merge)
    {
        var streamed = 0;
        var settings = new SecureReqsSettings
        {
            Targets = new TargetRegistry().AddProvider(Demo.DemoTargets.Provider),
            DatasetsDirectory = Path.Combine(Testing.RepoPaths.Root, "adversarial-datasets"),
            RepositoryRoot = Testing.RepoPaths.Root,
            RunOptions = new SecurityRunOptions { MaxConcurrency = 4 },
            KeepCases = false,
            OnCaseCompleted = _ => Interlocked.Increment(ref streamed),
            Shard = shard,
            Merge = merge,
        };
        var driver = new SecurityStoryDriver(settings, new SecurityStory(settings.Journal.Begin("Feature", story, [], key: story), settings.StoryOptions()));
        driver.UseTarget("demo:naive");
        NaiveDemoStories.Configure(driver, story);

        var results = await driver.Story.ExecuteAsync(TestContext.Current.CancellationToken);
        return (results, driver.Story.Record, streamed);
    }

    private sealed class JudgedAfterTheRun : StoryRequirement
    {
        public override string Statement => "a rule judged on all answers";

        public override ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
