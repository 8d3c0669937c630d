#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using SecureReqs.Testing;

namespace SecureReqs.Endpoints.Tests;

// The finish reason an endpoint on 127.0.0.1 gives reaches ChatResponse.FinishReason: an answer cut short by the token
// limit is Length, one withheld by a content filter is ContentFilter (with no text), streamed or not.
public sealed class FinishReasonTests : LoopbackTargets
{
    [Fact(Timeout = 30_000)]
    public async Task OpenAI_Length_IsChatFinishReasonLength()
    {
        Server.OnRequest = async r =>
        {
            await ChatCompletionsServer.WriteAnswerAsync(r.Context, "The answer is cut", finishReason: "length");
            return true;
        };
        var client = OpenAITarget();

        var response = await client.GetResponseAsync("hello", cancellationToken: Ct);

        response.FinishReason.Should().Be(ChatFinishReason.Length);
        response.Text.Should().Be("The answer is cut");
    }

    [Fact(Timeout = 30_000)]
    public async Task OpenAI_ContentFilter_IsChatFinishReasonContentFilterWithEmptyText()
    {
        Server.OnRequest = async r =>
        {
            await ChatCompletionsServer.WriteAnswerAsync(r.Context, null, finishReason: "content_filter");
            return true;
        };
        var client = OpenAITarget();

        var response = await client.GetResponseAsync("hello", cancellationToken: Ct);

        response.FinishReason.Should().Be(ChatFinishReason.ContentFilter);
        response.Text.Should().BeEmpty();
    }

    [Theory(Timeout = 30_000)]
    [InlineData("length", new[] { "The answer ", "is cut" }, "The answer is cut")]
    [InlineData("content_filter", new string[0], "")]
    [InlineData("stop", new[] { "All ", "good." }, "All good.")]
    public async Task OpenAI_Streamed_CarriesTheFinishReason(string finishReason, string[] chunks, string text)
    {
        Server.OnRequest = async r =>
        {
            await ChatCompletionsServer.WriteStreamAsync(r.Context, chunks, finishReason: finishReason);
            return true;
        };
        var client = OpenAITarget();

        var response = await client.GetStreamingResponseAsync("hello", cancellationToken: Ct).ToChatResponseAsync(Ct);

        response.FinishReason.Should().Be(new ChatFinishReason(finishReason));
        response.Text.Should().Be(text);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("""{ "reply": { "text": "cut sh" }, "meta": { "finish": "length" } }""", "length", "cut sh")]
    [InlineData("""{ "reply": { "text": "cut sh" }, "meta": { "finish": "MAX_TOKENS" } }""", "length", "cut sh")]
    [InlineData("""{ "reply": {}, "meta": { "finish": "content_filter" } }""", "content_filter", "")]
    [InlineData("""{ "reply": { "text": null }, "meta": { "finish": "SAFETY" } }""", "content_filter", "")]
    [InlineData("""{ "reply": { "text": "done" }, "meta": { "finish": "stop" } }""", "stop", "done")]
    [InlineData("""{ "reply": { "text": "done" }, "meta": {} }""", "stop", "done")]
    [InlineData("""{ "reply": { "text": "done" }, "meta": { "finish": null } }""", "stop", "done")]
    [InlineData("""{ "reply": { "text": "done" }, "meta": { "finish": "tool_use" } }""", "tool_calls", "done")]
    public async Task HttpTarget_FinishReasonPath_IsRead(string body, string expected, string text)
    {
        Server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "application/json";
            await r.Context.Response.WriteAsync(body);
            return true;
        };
        var client = HttpTarget("reply.text", finishReasonPath: "meta.finish");

        var response = await client.GetResponseAsync("hello", cancellationToken: Ct);
        var streamed = await client.GetStreamingResponseAsync("hello", cancellationToken: Ct).ToChatResponseAsync(Ct);

        response.FinishReason.Should().Be(new ChatFinishReason(expected));
        response.Text.Should().Be(text);
        streamed.FinishReason.Should().Be(new ChatFinishReason(expected));
        streamed.Text.Should().Be(text);
    }

    [Fact(Timeout = 30_000)]
    public async Task HttpTarget_WithoutFinishReasonPath_FinishesNormally()
    {
        Server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "application/json";
            await r.Context.Response.WriteAsync("""{ "reply": { "text": "done" }, "finish_reason": "length" }""");
            return true;
        };
        var client = HttpTarget("reply.text");

        var response = await client.GetResponseAsync("hello", cancellationToken: Ct);

        response.FinishReason.Should().Be(ChatFinishReason.Stop);
    }

    [Fact(Timeout = 30_000)]
    public async Task HttpTarget_NotAStringAtTheFinishReasonPath_SaysSo()
    {
        Server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "application/json";
            await r.Context.Response.WriteAsync("""{ "reply": { "text": "done" }, "meta": { "finish": 2 } }""");
            return true;
        };
        var client = HttpTarget("reply.text", finishReasonPath: "meta.finish");

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the answer has a number, not a string, at \"meta.finish\"; check \"finishReasonPath\" in securereqs.json");
    }

    [Fact]
    public void Configuration_FinishReasonPath_IsReadForHttpTargetsOnly()
    {
        using var config = new TestConfig("""
            { "targets": { "app": { "kind": "http", "endpoint": "https://app.example.com/chat", "body": { "q": "{{prompt}}" },
              "responsePath": "choices.0.message.content", "finishReasonPath": "choices.0.finish_reason" } } }
            """);

        config.Load().Targets.Single().FinishReasonPath.Should().Be("choices.0.finish_reason");
        TestConfig.Error("""{ "targets": { "s": { "kind": "openai", "endpoint": "https://x.example.com/v1", "model": "m", "finishReasonPath": "a" } } }""")
            .Message.Should().Contain("\"finishReasonPath\" applies to targets of kind \"http\" only");
        TestConfig.Error("""{ "targets": { "s": { "kind": "http", "endpoint": "https://x.example.com/c", "body": {}, "responsePath": "a", "finishReasonPath": "meta..finish" } } }""")
            .Message.Should().Contain("$.targets.s.finishReasonPath: \"meta..finish\" is not a field path");
    }
}
