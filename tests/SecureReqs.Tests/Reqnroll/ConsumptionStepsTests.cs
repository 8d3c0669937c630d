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
    public async Task AssertTokenBudget_OneResponseOver_FailsNamingItWithItsCount()
    {
        var driver = await RunAsync(3, text => (text.Contains("case 2", StringComparison.Ordinal) ? 900 : 100, 0.5));

        var act = () => driver.AssertTokenBudget("800");

        act.Should().Throw<SecurityRequirementException>().WithMessage("Expected no response to use more than 800 tokens, but 1 of 3 cases did: c2 (900 tokens).");
        driver.AssertTokenBudget("900").Message.Should().Be("No response uses more than 900 tokens: the most was 900 (c2), over all 3 answered cases.");
    }

    [Fact]
    public async Task AssertTokenBudget_TargetReportsNoUsage_IsInconclusive()
    {
        var driver = await RunAsync(3, _ => (null, 0.5));

        var act = () => driver.AssertTokenBudget("800");

        act.Should().Throw<SecurityRequirementException>().Which.Result.Should().Match<RequirementResult>(r =>
            r.Verdict == Verdict.Inconclusive && r.Message.StartsWith("3 of 3 answered cases have responses without token usage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssertTokenBudget_ErroredCase_CountsAgainstTheClaim()
    {
        var driver = await RunAsync(3, text => text.Contains("case 3", StringComparison.Ordinal) ? throw new HttpRequestException("503") : (100, 0.5));

        var act = () => driver.AssertTokenBudget("800");

        act.Should().Throw<SecurityRequirementException>().WithMessage("Expected no response to use more than 800 tokens, but 0 of 3 cases did; 1 ended in an error (counted against the claim): c3.");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void AssertTokenBudget_NotAPositiveWholeNumber_IsAnError(string budget)
    {
        var driver = new SecurityStoryDriver(new SecureReqsSettings(), new StoryJournal().Begin("F", "S", []));

        var act = () => driver.AssertTokenBudget(budget);

        act.Should().Throw<SecureReqsException>().WithMessage($"The token budget \"{budget}\" is not a positive whole number.*");
    }

    [Fact]
    public async Task AssertLatencyPercentile_SlowCases_FailNamingTheSlowest()
    {
        var driver = await RunAsync(3, text => (10, text.Contains("case 2", StringComparison.Ordinal) ? 4 : 0.5));

        var act = () => driver.AssertLatencyPercentile("95", "2", null);

        act.Should().Throw<SecurityRequirementException>().WithMessage(
            "Expected the 95th percentile latency to be at most 2 s (95% confidence), but it was 4 s: 1 of 3 cases (33.33%, 95% upper bound 86.46%) took longer than 2 s; errors count as too slow. Slowest: c2 (4 s).");
    }

    [Fact]
    public async Task AssertLatencyPercentile_FastButFewCases_IsInconclusiveWithTheCasesNeeded()
    {
        var driver = await RunAsync(3, _ => (10, 0.5));

        var act = () => driver.AssertLatencyPercentile("95", "2", null);

        act.Should().Throw<SecurityRequirementException>().Which.Result.Should().Match<RequirementResult>(r =>
            r.Verdict == Verdict.Inconclusive && r.CasesNeeded == 59 && r.Message.Contains("the claim needs at least 59 cases", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssertLatencyPercentile_FastEnoughOverEnoughCases_Passes()
    {
        var driver = await RunAsync(60, text => (10, text.Contains("case 7", StringComparison.Ordinal) ? 1.5 : 0.25));

        var result = driver.AssertLatencyPercentile("95", "2", null);

        result.Verdict.Should().Be(Verdict.Pass);
        result.Message.Should().StartWith("The 95th percentile latency is 0.25 s: 95th percentile latency at most 2 s (95% confidence) holds (0 of 60 cases");
    }

    [Fact]
    public async Task AssertLatencyPercentile_ErroredCase_CountsAsTooSlow()
    {
        var driver = await RunAsync(60, text => text.Contains("case 9", StringComparison.Ordinal) ? throw new TimeoutException("hung") : (10, 0.25));

        var act = () => driver.AssertLatencyPercentile("95", "2", null);

        act.Should().Throw<SecurityRequirementException>().Which.Result.Should().Match<RequirementResult>(r =>
            r.Verdict == Verdict.Inconclusive && r.Count == 1 && r.Message.Contains("Slowest: c9 (error)", StringComparison.Ordinal));
    }

    private async Task<SecurityStoryDriver> RunAsync(int cases, Func<string, (int? Tokens, double Seconds)> behaviour)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_datasets, "plain")).FullName;
        var lines = string.Concat(Enumerable.Range(1, cases).Select(i =>
            $$$"""{"id":"c{{{i}}}","kind":"benign","threat":"LLM10","technique":"plain","turns":[{"role":"user","content":"Question for case {{{i}}}."}],"oracle":{"type":"served"}}""" + "\n"));
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
        var driver = new SecurityStoryDriver(settings, settings.Journal.Begin("Feature", "Scenario", []));
        driver.UseTarget("metered");
        driver.UseDataset("plain");
        await driver.SendCasesAsync(TestContext.Current.CancellationToken);
        return driver;
    }
}
