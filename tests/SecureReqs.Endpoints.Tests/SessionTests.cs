#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using SecureReqs.Testing;

namespace SecureReqs.Endpoints.Tests;

// An http target that keeps the conversation on the server: the session id read from an answer (a field or a cookie)
// is sent with the next turn of the same case, every case gets its own session even when cases run at once, and only
// the new turn is sent once the server holds the rest.
public sealed class SessionTests : LoopbackTargets
{
    private readonly ConcurrentDictionary<string, List<string>> _sessions = new();
    private int _created;

    [Fact(Timeout = 30_000)]
    public async Task MultiTurnCases_RunAtOnce_EachCaseKeepsItsOwnSession()
    {
        ServeSessions(r => r.Headers.GetValueOrDefault("X-Session-Id"), (r, id, reply) => r.Context.Response.WriteAsJsonAsync(new { reply, session_id = id }));
        var client = HttpTargetWith("""
            "body": { "messages": "{{messages}}" },
            "responsePath": "reply",
            "session": { "idPath": "session_id", "header": "X-Session-Id" }
            """);
        var cases = Enumerable.Range(1, 8).Select(c => Case($"case-{c}", c, [$"c{c} first", $"c{c} second", $"c{c} third"])).ToList();
        var run = new SecurityRun(client, new SecurityRunOptions { MaxConcurrency = 8, TimeProvider = Time });

        var result = await run.ExecuteAsync("local", "sessions", cases, Ct);

        result.Cases.Should().OnlyContain(c => c.Outcome == Outcome.Served);
        _sessions.Should().HaveCount(8, "every case starts its own session");
        _sessions.Values.Select(turns => string.Join(" | ", turns)).Should().BeEquivalentTo(
            Enumerable.Range(1, 8).Select(c => $"c{c} first | c{c} second | c{c} third"),
            "each session holds the turns of one case, in order");
        foreach (var done in result.Cases)
        {
            var session = done.Answers[0].Split(' ')[0];
            done.Answers.Should().Equal($"{session} turn 1", $"{session} turn 2", $"{session} turn 3");
        }

        Server.Received.Where(r => r.Headers.ContainsKey("X-Session-Id")).Should().HaveCount(16)
            .And.OnlyContain(r => ((JsonArray)r.Body!["messages"]!).Count == 1, "once the server holds the conversation, only the new turn is sent");
    }

    [Fact(Timeout = 30_000)]
    public async Task SessionInTheBody_FirstRequestLeavesItOut_LaterOnesCarryIt()
    {
        ServeSessions(r => r.Body?["session"]?.GetValue<string>(), (r, id, reply) => r.Context.Response.WriteAsJsonAsync(new { answer = new { text = reply }, meta = new { session = id } }));
        var client = HttpTargetWith("""
            "body": { "question": "{{prompt}}", "session": "{{session}}" },
            "responsePath": "answer.text",
            "session": { "idPath": "meta.session" }
            """);

        var first = await client.GetResponseAsync("where is my order?", cancellationToken: Ct);
        var second = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "where is my order?"), .. first.Messages, new ChatMessage(ChatRole.User, "and my refund?")], cancellationToken: Ct);

        Server.Received[0].Body!.AsObject().ContainsKey("session").Should().BeFalse("a conversation's first request has no session yet");
        Server.Received[1].Body!["session"]!.GetValue<string>().Should().Be(first.ConversationId);
        second.ConversationId.Should().Be(first.ConversationId);
        second.Text.Should().Be($"{first.ConversationId} turn 2");
        _sessions[first.ConversationId!].Should().Equal("where is my order?", "and my refund?");
    }

    [Fact(Timeout = 30_000)]
    public async Task SessionCookie_IsSentBackPerConversation_NeverShared()
    {
        ServeSessions(
            r => r.Context.Request.Cookies["sid"],
            (r, id, reply) =>
            {
                r.Context.Response.Headers.Append("Set-Cookie", $"sid={id}; Path=/; HttpOnly");
                return r.Context.Response.WriteAsJsonAsync(new { reply });
            });
        var client = HttpTargetWith("""
            "body": { "q": "{{prompt}}" },
            "responsePath": "reply",
            "session": { "cookie": "sid" }
            """);

        var a1 = await client.GetResponseAsync("A one", cancellationToken: Ct);
        var b1 = await client.GetResponseAsync("B one", cancellationToken: Ct);
        var a2 = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "A one"), .. a1.Messages, new ChatMessage(ChatRole.User, "A two")], cancellationToken: Ct);
        var b2 = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "B one"), .. b1.Messages, new ChatMessage(ChatRole.User, "B two")], cancellationToken: Ct);

        a1.ConversationId.Should().NotBe(b1.ConversationId);
        (a2.ConversationId, b2.ConversationId).Should().Be((a1.ConversationId, b1.ConversationId));
        _sessions[a1.ConversationId!].Should().Equal("A one", "A two");
        _sessions[b1.ConversationId!].Should().Equal("B one", "B two");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("""{ "idPath": "session_id", "header": "X-Session-Id" }""", "the answer has no session id at \"session_id\" (the top level has no field \"session_id\"); check \"session.idPath\" in securereqs.json")]
    [InlineData("""{ "cookie": "sid" }""", "the answer set no cookie \"sid\" to keep the conversation in; check \"session.cookie\" in securereqs.json")]
    public async Task AnswerWithoutTheSession_IsAnErrorNamingTheSetting(string session, string expected)
    {
        AnswerWith(200, "application/json", """{ "reply": "hello" }""");
        var client = HttpTargetWith($$$"""
            "body": { "q": "{{prompt}}" },
            "responsePath": "reply",
            "session": {{{session}}}
            """);

        var error = await ErrorOf(() => client.GetResponseAsync("hi", cancellationToken: Ct));

        error.Should().Be("target \"local\": " + expected);
    }

    private static CaseInstance Case(string id, int index, string[] prompts)
    {
        var @case = new SecurityCase
        {
            Id = id,
            Kind = CaseKind.Benign,
            Threat = "LLM02",
            Technique = "multi-turn",
            Turns = [.. prompts.Select(p => new CaseTurn("user", p))],
            Oracle = new CaseOracle(CaseOracle.Served, []),
        };
        return new CaseInstance { Case = @case, Index = index, Context = [], Turns = @case.Turns, Planted = [], Protected = [] };
    }

    // A server that keeps conversations: a request without a session (as read by sessionOf) starts one; answer writes
    // the session id and the reply "<session> turn <n>".
    private void ServeSessions(Func<ServerRequest, string?> sessionOf, Func<ServerRequest, string, string, Task> answer) => Server.OnRequest = async r =>
    {
        var id = sessionOf(r) ?? $"s{Interlocked.Increment(ref _created)}";
        var turns = _sessions.GetOrAdd(id, _ => []);
        var prompt = r.Body?["messages"] is JsonArray messages ? messages[^1]!["content"]!.GetValue<string>() : (r.Body?["question"] ?? r.Body?["q"])!.GetValue<string>();
        int turn;
        lock (turns)
        {
            turns.Add(prompt);
            turn = turns.Count;
        }

        await answer(r, id, $"{id} turn {turn}");
        return true;
    };
}
