#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints.Tests;

// An http target whose answers report the tool calls the app made (toolCallsPath), and whose context messages are marked
// as such (contextField).
public sealed class ToolCallsTests : LoopbackTargets
{
    private const string Target = """
        "body": { "messages": "{{messages}}" },
        "responsePath": "reply",
        "toolCallsPath": "tool_calls"
        """;

    [Fact(Timeout = 30_000)]
    public async Task ToolCalls_OpenAIShapeAndFlat_BecomeFunctionCallsAndHeldOnesApprovalRequests()
    {
        AnswerWith(200, "application/json", """
            { "reply": "Done.", "tool_calls": [
                { "id": "call_1", "type": "function", "function": { "name": "lookup_order", "arguments": "{\"order_id\":\"LO-12345\"}" }, "status": "ran" },
                { "id": "call_2", "name": "request_refund", "arguments": { "amount": 40 }, "status": "held" },
                { "name": "send_email" } ] }
            """);
        var client = HttpTargetWith(Target);

        var response = await client.GetResponseAsync("refund my order", cancellationToken: Ct);

        var contents = response.Messages.Single().Contents;
        response.Text.Should().Be("Done.");
        var call = contents.OfType<FunctionCallContent>().Select(c => (c.CallId, c.Name, c.Arguments!.Keys.FirstOrDefault())).ToList();
        call.Should().Equal(("call_1", "lookup_order", "order_id"), ("call-3", "send_email", null));
        var held = contents.OfType<ToolApprovalRequestContent>().Single();
        (held.RequestId, ((FunctionCallContent)held.ToolCall).Name).Should().Be(("call_2", "request_refund"));
    }

    [Fact(Timeout = 30_000)]
    public async Task ToolCallsWithoutText_AreAnAnswer_NotAMissingOne()
    {
        AnswerWith(200, "application/json", """{ "reply": null, "tool_calls": [{ "name": "export_customers", "arguments": "{}" }] }""");
        var client = HttpTargetWith(Target);

        var response = await client.GetResponseAsync("export", cancellationToken: Ct);

        response.Text.Should().BeEmpty();
        response.Messages.Single().Contents.OfType<FunctionCallContent>().Single().Name.Should().Be("export_customers");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("""{ "reply": "x", "tool_calls": { "name": "a" } }""", "the answer has an object, not an array of tool calls, at \"tool_calls\"; check \"toolCallsPath\" in securereqs.json")]
    [InlineData("""{ "reply": "x", "tool_calls": [{ "arguments": "{}" }] }""", "tool call 1 at \"tool_calls\" has no name")]
    [InlineData("""{ "reply": "x", "tool_calls": [{ "name": "a", "arguments": "{oops" }] }""", "tool call 1 at \"tool_calls\" has arguments that are not JSON (\"{oops\")")]
    [InlineData("""{ "reply": "x", "tool_calls": [{ "name": "a", "arguments": [1] }] }""", "tool call 1 at \"tool_calls\" has arguments that are an array, not a JSON object")]
    public async Task MalformedToolCalls_AreAnErrorSayingWhat(string body, string expected)
    {
        AnswerWith(200, "application/json", body);
        var client = HttpTargetWith(Target);

        var error = await ErrorOf(() => client.GetResponseAsync("hi", cancellationToken: Ct));

        error.Should().Contain(expected);
    }

    [Fact(Timeout = 30_000)]
    public async Task StreamedToolCallFragments_AreJoined()
    {
        AnswerWith(200, "text/event-stream", """
            data: {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_9","type":"function","function":{"name":"send_email","arguments":"{\"to\":"}}]}}]}

            data: {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"x@evil.example\"}"}}]},"finish_reason":"tool_calls"}]}

            data: [DONE]


            """);
        var client = HttpTargetWith(Target);

        var response = await client.GetResponseAsync("mail it", cancellationToken: Ct);

        var call = response.Messages.Single().Contents.OfType<FunctionCallContent>().Single();
        (call.CallId, call.Name, call.Arguments!["to"]!.ToString()).Should().Be(("call_9", "send_email", "x@evil.example"));
    }

    [Fact(Timeout = 30_000)]
    public async Task ContextField_MarksContextMessages_AndSendsToolResultsAsText()
    {
        AnswerWith(200, "application/json", """{ "reply": "ok" }""");
        var client = HttpTargetWith("""
            "body": { "messages": "{{messages}}" },
            "responsePath": "reply",
            "contextField": "attached"
            """);
        var record = new ChatMessage(ChatRole.User, "Retrieved record: Jane") { AdditionalProperties = new() { [CaseInstantiator.ContextKindProperty] = "record", [CaseInstantiator.ContextLabelProperty] = "confidential" } };
        var call = new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("ctx-2", "lookup_order", new Dictionary<string, object?> { ["order_id"] = "LO-1" })]) { AdditionalProperties = new() { [CaseInstantiator.ContextKindProperty] = "tool-result", [CaseInstantiator.ContextLabelProperty] = "internal" } };
        var result = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("ctx-2", "shipped")]) { AdditionalProperties = new() { [CaseInstantiator.ContextKindProperty] = "tool-result", [CaseInstantiator.ContextLabelProperty] = "internal" } };

        await client.GetResponseAsync([record, call, result, new ChatMessage(ChatRole.User, "summarise")], cancellationToken: Ct);

        var sent = (JsonArray)Server.Received.Single().Body!["messages"]!;
        sent.Select(m => m!.ToJsonString()).Should().Equal(
            """{"role":"user","content":"Retrieved record: Jane","attached":{"kind":"record","classification":"confidential"}}""",
            """{"role":"assistant","content":"","attached":{"kind":"tool-result","classification":"internal","tool":"lookup_order","arguments":"{\u0022order_id\u0022:\u0022LO-1\u0022}","call_id":"ctx-2"}}""",
            """{"role":"tool","content":"shipped","attached":{"kind":"tool-result","classification":"internal","call_id":"ctx-2"}}""",
            """{"role":"user","content":"summarise"}""");
    }
}
