using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using SecureReqs.Reqnroll;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

// The LLM10 steps: "no response uses more than <n> tokens" and "the <p>th percentile latency is at most <t> seconds".
public sealed class ConsumptionStepsTests : IDisposable
{
    private readonly string _datasets = Directory.CreateTempSubdirectory("securereqs-llm10-").FullName;
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => Directory.Delete(_datasets, recursive: true);

    [Fact]
    public async Task RequireTokenBudget_OneResponseOver_FailsNamingItWithItsCount()
    {
        var results = await RunAsync(3, text => (text.Contains("case 2", StringComparison.Ordinal) ? 900 : 100, 0.5), d => { d.RequireTokenBudget("800"); d.RequireTokenBudget("900"); });

        results[0].Verdict.Should().Be(Verdict.Fail);
        results[0].Message.Should().Be("Expected no response to use more than 800 tokens, but 1 of 3 cases did: c2 (900 tokens).");
        results[1].Message.Should().Be("No response uses more than 900 tokens: the most was 900 (c2), over all 3 answered cases.");
    }

    [Fact]
    public async Task RequireTokenBudget_TargetReportsNoUsage_IsInconclusive()
    {
        var result = (await RunAsync(3, _ => (null, 0.5), d => d.RequireTokenBudget("800"))).Single();

        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Message.Should().StartWith("3 of 3 answered cases have responses without token usage");
    }

    [Fact]
    public async Task RequireTokenBudget_ErroredCase_CountsAgainstTheClaim()
    {
        var result = (await RunAsync(3, text => text.Contains("case 3", StringComparison.Ordinal) ? throw new HttpRequestException("503") : (100, 0.5), d => d.RequireTokenBudget("800"))).Single();

        result.Verdict.Should().Be(Verdict.Fail);
        result.Message.Should().Be("Expected no response to use more than 800 tokens, but 0 of 3 cases did; 1 ended in an error (counted against the claim): c3.");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void RequireTokenBudget_NotAPositiveWholeNumber_IsAnError(string budget)
    {
        var settings = new SecureReqsSettings();
        var driver = new SecurityStoryDriver(settings, new SecurityStory(new StoryJournal().Begin("F", "S", []), settings.StoryOptions()));

        var act = () => driver.RequireTokenBudget(budget);

        act.Should().Throw<SecureReqsException>().WithMessage($"The token budget \"{budget}\" is not a positive whole number.*");
    }

    [Fact]
    public async Task RequireLatencyPercentile_SlowCases_FailNamingTheSlowest()
    {
        var result = (await RunAsync(60, text => (10, text.Contains("case 2 ", StringComparison.Ordinal) || text.Contains("case 3 ", StringComparison.Ordinal) || text.Contains("case 4 ", StringComparison.Ordinal) || text.Contains("case 5 ", StringComparison.Ordinal) || text.Contains("case 6 ", StringComparison.Ordinal) || text.Contains("case 7 ", StringComparison.Ordinal) ? 4 : 0.5), d => d.RequireLatencyPercentile("95", "2", null))).Single();

        result.Verdict.Should().Be(Verdict.Fail);
        result.Message.Should().StartWith("Expected the 95th percentile latency to be at most 2 s (95% confidence), but it was 4 s: 6 of 60 cases").And.Contain("Slowest: c2 (4 s)");
    }

    [Fact]
    public void RequireLatencyPercentile_FewCases_IsAPreflightProblemWithTheCasesNeeded()
    {
        var driver = Declare(3, _ => (10, 0.5));
        driver.RequireLatencyPercentile("95", "2", null);

        driver.Story.Preflight().Should().ContainSingle().Which.Should().Contain("needs at least 59 cases: add 56 more");
    }

    [Fact]
    public async Task RequireLatencyPercentile_FastEnoughOverEnoughCases_Passes()
    {
        var result = (await RunAsync(60, text => (10, text.Contains("case 7 ", StringComparison.Ordinal) ? 1.5 : 0.25), d => d.RequireLatencyPercentile("95", "2", null))).Single();

        result.Verdict.Should().Be(Verdict.Pass);
        result.Message.Should().StartWith("The 95th percentile latency is 0.25 s: 95th percentile latency at most 2 s (95% confidence) holds (0 of 60 cases");
    }

    [Fact]
    public async Task RequireLatencyPercentile_ErroredCase_CountsAsTooSlow()
    {
        var result = (await RunAsync(60, text => text.Contains("case 9 ", StringComparison.Ordinal) ? throw new TimeoutException("hung") : (10, 0.25), d => d.RequireLatencyPercentile("95", "2", null))).Single();

        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Count.Should().Be(1);
        result.Message.Should().Contain("Slowest: c9 (error)");
    }

    private async Task<IReadOnlyList<RequirementResult>> RunAsync(int cases, Func<string, (int? Tokens, double Seconds)> behaviour, Action<SecurityStoryDriver> require)
    {
        var driver = Declare(cases, behaviour);
        require(driver);
        return await driver.Story.ExecuteAsync(TestContext.Current.CancellationToken);
    }

    private SecurityStoryDriver Declare(int cases, Func<string, (int? Tokens, double Seconds)> behaviour)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_datasets, "plain")).FullName;
        var lines = string.Concat(Enumerable.Range(1, cases).Select(i =>
            $$$"""{"id":"c{{{i}}}","kind":"benign","threat":"LLM10","technique":"plain","turns":[{"role":"user","content":"Question for case {{{i}}} ."}],"oracle":{"type":"served"}}""" + "\n"));
        File.WriteAllText(Path.Combine(dir, "cases.jsonl"), lines);
        var (sha, rows) = DatasetLoader.HashAndCountRows(Path.Combine(dir, "cases.jsonl"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), $$"""
            {"schema":"securereqs.dataset/v1","name":"plain","version":"1.0.0","description":"d","threats":["owasp:LLM10"],"license":"MIT",
             "provenance":{"authors":"tests","created":"2026-11-25","method":"hand-written"},
             "files":[{"path":"cases.jsonl","sha256":"{{sha}}","rows":{{rows}}}]}
            """);
        var target = new ScriptedChatClient
        {
            OnGetResponse = (messages, _, _) =>
            {
                var (tokens, seconds) = behaviour(messages[^1].Text);
                _time.Advance(TimeSpan.FromSeconds(seconds));
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Here is the answer."))
                {
                    Usage = tokens is { } t ? new UsageDetails { TotalTokenCount = t } : null,
                });
            },
        };
        var settings = new SecureReqsSettings
        {
            Targets = new TargetRegistry().Add("metered", target),
            DatasetsDirectory = _datasets,
            RunOptions = new SecurityRunOptions { MaxConcurrency = 1, TimeProvider = _time },
        };
        var driver = new SecurityStoryDriver(settings, new SecurityStory(settings.Journal.Begin("Feature", "Scenario", []), settings.StoryOptions()));
        driver.UseTarget("metered");
        driver.UseDataset("plain");
        driver.SendCases();
        return driver;
    }
}
