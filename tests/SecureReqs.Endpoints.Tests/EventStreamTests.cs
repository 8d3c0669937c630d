#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints.Tests;

// An http target whose server streams its answer as server-sent events, as OpenAI-compatible servers do: the answer is
// read whole; a stream cut short or with an unreadable event is an error, never a short answer.
public sealed class EventStreamTests : LoopbackTargets
{
    private const string Target = """
        "body": { "messages": "{{messages}}", "stream": true },
        "responsePath": "choices.0.message.content",
        "usage": { "totalTokens": "usage.total_tokens" }
        """;

    [Fact(Timeout = 30_000)]
    public async Task OpenAIStyleChunks_AreReadWhole()
    {
        AnswerWith(200, "text/event-stream", Chunks("Your order ", "ships ", "on Monday.") + """
            data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

            data: {"choices":[],"usage":{"total_tokens":31}}

            data: [DONE]


            """);
        var client = HttpTargetWith(Target);

        var response = await client.GetResponseAsync("when does it ship?", cancellationToken: Ct);

        response.Text.Should().Be("Your order ships on Monday.");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.TotalTokenCount.Should().Be(31);
        Server.Received.Single().Headers["Accept"].Should().Contain("text/event-stream");
    }

    [Fact(Timeout = 30_000)]
    public async Task StreamWithOwnPaths_AndTheLengthFinishReason_IsRead()
    {
        AnswerWith(200, "text/event-stream; charset=utf-8", """
            event: token
            data: {"token":"Half an "}

            : a comment line
            data: {"token":"answer","done":"max_tokens"}


            """);
        var client = HttpTargetWith("""
            "body": { "q": "{{prompt}}" },
            "responsePath": "answer",
            "stream": { "textPath": "token", "finishReasonPath": "done" }
            """);

        var response = await client.GetResponseAsync("hi", cancellationToken: Ct);

        (response.Text, response.FinishReason).Should().Be(("Half an answer", ChatFinishReason.Length));
    }

    [Fact(Timeout = 30_000)]
    public async Task StreamCutShort_IsAnError()
    {
        AnswerWith(200, "text/event-stream", Chunks("Your card number is 4111 "));
        var client = HttpTargetWith(Target);

        var error = await ErrorOf(() => client.GetResponseAsync("hi", cancellationToken: Ct));

        error.Should().Be("target \"local\": the streamed answer stopped before it was finished (after 1 event, no \"data: [DONE]\" and no finish reason at \"choices.0.finish_reason\"), so it is cut short; check the server's logs, or a proxy that closes long streams");
    }

    [Fact(Timeout = 30_000)]
    public async Task EventThatIsNotJson_IsAnError()
    {
        AnswerWith(200, "text/event-stream", "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: <html>oops</html>\n\ndata: [DONE]\n\n");
        var client = HttpTargetWith(Target);

        var error = await ErrorOf(() => client.GetResponseAsync("hi", cancellationToken: Ct));

        error.Should().Be("target \"local\": event 2 of the streamed answer is not JSON (\"<html>oops</html>\"); check that the endpoint streams JSON events, as OpenAI-compatible servers do");
    }

    [Fact(Timeout = 30_000)]
    public async Task StreamedSession_IdFromAnEvent_IsSentWithTheNextTurn()
    {
        Server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "text/event-stream";
            var session = r.Headers.GetValueOrDefault("X-Session-Id") ?? "conv-77";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(r.Context.Response, $"data: {{\"session\":\"{session}\",\"choices\":[{{\"delta\":{{\"content\":\"turn {r.Number}\"}},\"finish_reason\":\"stop\"}}]}}\n\ndata: [DONE]\n\n");
            return true;
        };
        var client = HttpTargetWith("""
            "body": { "messages": "{{messages}}" },
            "responsePath": "choices.0.message.content",
            "session": { "idPath": "session", "header": "X-Session-Id" }
            """);

        var first = await client.GetResponseAsync("one", cancellationToken: Ct);
        var second = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "one"), .. first.Messages, new ChatMessage(ChatRole.User, "two")], cancellationToken: Ct);

        (first.Text, first.ConversationId, second.Text).Should().Be(("turn 1", "conv-77", "turn 2"));
        Server.Received[1].Headers["X-Session-Id"].Should().Be("conv-77");
    }

    private static string Chunks(params string[] texts) =>
        string.Concat(texts.Select(t => $"data: {{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{t}\"}},\"finish_reason\":null}}]}}\n\n"));
}
