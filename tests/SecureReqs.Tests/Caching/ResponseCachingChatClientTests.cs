using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class ResponseCachingChatClientTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-cache-").FullName;
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task GetResponse_SameRequestInANewClient_IsReplayedWithoutCallingTheTarget()
    {
        var target = Counting("Your order ships tomorrow.");

        var first = await Cached(target).GetResponseAsync("Where is my order?", cancellationToken: Ct);
        var second = await Cached(target).GetResponseAsync("Where is my order?", cancellationToken: Ct);

        target.Calls.Should().Be(1);
        second.Text.Should().Be(first.Text);
        second.Usage!.TotalTokenCount.Should().Be(30);
        second.AdditionalProperties![ResponseCachingChatClient.CachedLatencyProperty].Should().Be(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task GetResponse_SameRequestTwiceInOneClient_IsTwoAttemptsWithTwoAnswers()
    {
        var target = Counting("answer");

        var client = Cached(target);
        await client.GetResponseAsync("hello", cancellationToken: Ct);
        await client.GetResponseAsync("hello", cancellationToken: Ct);
        var replay = Cached(target);
        await replay.GetResponseAsync("hello", cancellationToken: Ct);
        await replay.GetResponseAsync("hello", cancellationToken: Ct);
        await replay.GetResponseAsync("hello", cancellationToken: Ct);

        target.Calls.Should().Be(3, "attempts 1 and 2 are replayed, attempt 3 is new");
    }

    [Theory]
    [InlineData("target")]
    [InlineData("scope")]
    [InlineData("message")]
    [InlineData("options")]
    public async Task GetResponse_AnythingThatDecidesTheAnswerChanges_IsAMiss(string change)
    {
        var target = Counting("answer");
        await Cached(target).GetResponseAsync("hello", cancellationToken: Ct);

        var client = Cached(target, name: change == "target" ? "other" : "t", scope: change == "scope" ? "https://other/v1" : "https://x/v1");
        await client.GetResponseAsync(change == "message" ? "hello!" : "hello", change == "options" ? new ChatOptions { Temperature = 0 } : null, Ct);

        target.Calls.Should().Be(2);
    }

    [Fact]
    public async Task GetResponse_ErrorsEmptyAndTruncatedAnswers_AreNeverCached()
    {
        var calls = 0;
        var target = new ScriptedChatClient
        {
            OnGetResponse = (_, _, _) => ++calls switch
            {
                1 => throw new HttpRequestException("503"),
                2 => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, " "))),
                3 => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "cut sh")) { FinishReason = ChatFinishReason.Length }),
                _ => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "whole"))),
            },
        };

        var act = () => Cached(target).GetResponseAsync("hello", cancellationToken: Ct);
        await act.Should().ThrowAsync<HttpRequestException>();
        await Cached(target).GetResponseAsync("hello", cancellationToken: Ct);
        await Cached(target).GetResponseAsync("hello", cancellationToken: Ct);
        var whole = await Cached(target).GetResponseAsync("hello", cancellationToken: Ct);
        var replayed = await Cached(target).GetResponseAsync("hello", cancellationToken: Ct);

        calls.Should().Be(4);
        replayed.Text.Should().Be(whole.Text).And.Be("whole");
    }

    [Fact]
    public async Task GetResponse_DamagedEntry_IsAMissAndIsRewritten()
    {
        var target = Counting("answer");
        await Cached(target).GetResponseAsync("hello", cancellationToken: Ct);
        var entry = Directory.EnumerateFiles(_dir, "*.json", SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(entry, "{ not json", Ct);

        var again = await Cached(target).GetResponseAsync("hello", cancellationToken: Ct);
        await Cached(target).GetResponseAsync("hello", cancellationToken: Ct);

        again.Text.Should().Be("answer");
        target.Calls.Should().Be(2);
    }

    [Fact]
    public async Task SecurityRun_ReplayedAnswer_KeepsItsOriginalLatencyAndTokens()
    {
        var target = Counting("Your order ships tomorrow.");
        var options = new SecurityRunOptions { TimeProvider = _time };
        var instance = Benign("Where is my order?");

        var first = await new SecurityRun(Cached(target), options).RunCaseAsync(instance, Ct);
        var second = await new SecurityRun(Cached(target), options).RunCaseAsync(instance, Ct);

        first.Requests.Should().Equal(new TargetRequest(TimeSpan.FromMilliseconds(400), first.Requests[0].Usage));
        second.Requests.Single().Should().Match<TargetRequest>(r => r.Cached && r.Latency == TimeSpan.FromMilliseconds(400) && r.Tokens == 30);
        second.Latency.Should().Be(TimeSpan.FromMilliseconds(400));
        second.MaxResponseTokens.Should().Be(30);
        target.Calls.Should().Be(1);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScriptedChatClient Counting(string answer) => new()
    {
        OnGetResponse = (_, _, _) =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(400));
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
            {
                Usage = new UsageDetails { InputTokenCount = 20, OutputTokenCount = 10, TotalTokenCount = 30 },
            });
        },
    };

    private ResponseCachingChatClient Cached(IChatClient target, string name = "t", string scope = "https://x/v1") =>
        new(new NonDisposing(target), new DiskResponseCache(_dir, _ => null), name, scope, _time);

    internal static CaseInstance Benign(string text)
    {
        var @case = new SecurityCase
        {
            Id = "benign-1",
            Kind = CaseKind.Benign,
            Threat = "LLM02",
            Technique = "plain",
            Turns = [new CaseTurn("user", text)],
            Oracle = new CaseOracle(CaseOracle.Served, []),
        };
        return new CaseInstance { Case = @case, Index = 0, Context = [], Turns = @case.Turns, Planted = [], Protected = [] };
    }

    private sealed class NonDisposing(IChatClient inner) : DelegatingChatClient(inner)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }
}
