using SecureReqs.Testing;

namespace SecureReqs.Tests;

// A story of serving-layer checks: it does not apply to an in-process target (no endpoint), says why in one sentence,
// and sends nothing; against a target with a serving layer it runs each check once, within its declared budget.
public sealed class ServingStoryTests
{
    [Fact]
    public async Task ServingCheck_InProcessTarget_IsNotApplicableAndSendsNothing()
    {
        var sent = 0;
        var story = new SecurityStory(new StoryJournal().Begin("F", "S", []))
        {
            Target = new TargetDefinition("in-process", "test", () => ScriptedChatClient.Replying(_ => { sent++; return "hi"; })),
        };
        story.Require(new RefusesWithoutValidCredentials(ServingKey.None));
        story.Require(new NotServedOverPlainHttp());

        var reasons = story.NotApplicable();
        var act = () => story.ExecuteAsync(TestContext.Current.CancellationToken);

        reasons.Should().ContainSingle().Which.Should().Be("the serving-layer checks need a deployed HTTP endpoint and \"in-process\" has none here (it runs in process, or answers from a recording); run this story with --target <a target declared in securereqs.json>");
        story.Preflight().Should().BeEmpty("a story that does not apply is not a broken story");
        await act.Should().ThrowAsync<SecureReqsException>().WithMessage("The story does not apply to its target*");
        sent.Should().Be(0);
    }

    [Fact]
    public async Task ServingCheck_TargetWithAServingLayer_RunsEachCheckWithinItsBudget()
    {
        var serving = new ScriptedServing(request => request.Key == ServingKey.None ? 401 : 200);
        var story = new SecurityStory(new StoryJournal().Begin("F", "S", []))
        {
            Target = new TargetDefinition("deployed", "test", () => ScriptedChatClient.Replying(_ => "hi")) { Serving = serving },
        };
        story.Require(new RefusesWithoutValidCredentials(ServingKey.None));
        story.Require(new RefusesWithoutValidCredentials(ServingKey.Invalid));

        var results = await story.ExecuteAsync(TestContext.Current.CancellationToken);

        results.Select(r => r.Verdict).Should().Equal(Verdict.Pass, Verdict.Fail);
        story.PlannedRequests.Should().Be(6);
        serving.Sent.Should().HaveCount(6);
        story.NotApplicable().Should().BeEmpty();
    }

    [Theory]
    [InlineData("0", "minute")]
    [InlineData("201", "minute")]
    [InlineData("twenty", "minute")]
    [InlineData("20", "fortnight")]
    public void ThrottlesBeyondRate_BadRateOrWindow_IsAnErrorNamingTheFix(string rate, string unit)
    {
        var act = () => ThrottlesBeyondRate.Parse(rate, unit);

        act.Should().Throw<SecureReqsException>().WithMessage("*Then requests beyond 20 a minute are throttled*");
    }

    private sealed class ScriptedServing(Func<ServingRequest, int> status) : IServingEndpoint
    {
        public List<ServingRequest> Sent { get; } = [];

        public Uri Endpoint { get; } = new("https://deployed.example/api/chat");

        public Uri PlainHttpEndpoint { get; } = new("http://deployed.example/api/chat");

        public bool HasReadOnlyKey => false;

        public bool ReportsToolCalls => false;

        public Task<ServingExchange> SendAsync(ServingRequest request, CancellationToken cancellationToken = default)
        {
            Sent.Add(request);
            return Task.FromResult(new ServingExchange { Sent = $"POST {Endpoint}", Status = status(request) });
        }
    }
}
