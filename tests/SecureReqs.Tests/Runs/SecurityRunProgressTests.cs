using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

public class SecurityRunProgressTests
{
    [Fact]
    public async Task Execute_WithProgress_ReportsStartThenEveryCaseInOrderOnTheRunsClock()
    {
        var time = new FakeTimeProvider();
        var target = new ScriptedChatClient
        {
            OnGetResponse = (_, _, _) =>
            {
                time.Advance(TimeSpan.FromSeconds(2));
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "No.")));
            },
        };
        var reports = new List<RunProgress>();
        var options = new SecurityRunOptions { MaxConcurrency = 1, TimeProvider = time, Progress = new Collect(reports) };

        await new SecurityRun(target, options).ExecuteAsync("t", "d", Cases(4), TestContext.Current.CancellationToken);

        reports.Select(r => (r.Completed, r.Total, r.Elapsed.TotalSeconds)).Should().Equal((0, 4, 0.0), (1, 4, 2.0), (2, 4, 4.0), (3, 4, 6.0), (4, 4, 8.0));
        reports[1].CasesPerSecond.Should().Be(0.5);
        reports[1].Remaining.Should().Be(TimeSpan.FromSeconds(6));
        reports[0].Remaining.Should().BeNull();
        reports[^1].IsFinished.Should().BeTrue();
        reports[^1].Remaining.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task Execute_ConcurrentCases_CountsStillRiseOneByOne()
    {
        var reports = new List<RunProgress>();
        var options = new SecurityRunOptions { MaxConcurrency = 8, Progress = new Collect(reports) };

        await new SecurityRun(ScriptedChatClient.Answering("No."), options).ExecuteAsync("t", "d", Cases(50), TestContext.Current.CancellationToken);

        reports.Select(r => r.Completed).Should().Equal(Enumerable.Range(0, 51));
    }

    private static IReadOnlyList<CaseInstance> Cases(int n) =>
        [.. CaseResults.Attacks(n, 0).Select((r, i) => r.Instance with { Index = i })];

    // Synchronous, unlike Progress<T>, which posts to a synchronization context.
    private sealed class Collect(List<RunProgress> reports) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => reports.Add(value);
    }
}
