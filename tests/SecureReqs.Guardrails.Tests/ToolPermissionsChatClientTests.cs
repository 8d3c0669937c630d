using System.Text;
using Microsoft.Extensions.AI;
using SecureReqs.Testing;

namespace SecureReqs.Guardrails.Tests;

public class ToolPermissionsChatClientTests
{
    private static readonly ToolPolicy Policy = ToolPolicy.Parse(Encoding.UTF8.GetBytes("""
        {
          "schema": "securereqs.tool-policy/v1",
          "roles": { "customer": { "tools": { "lookup_order": {}, "request_refund": { "arguments": { "amount": { "max": 250 } } } } } },
          "approval": ["request_refund"]
        }
        """), "policy.json");

    private static readonly AIFunction[] Tools =
    [
        AIFunctionFactory.Create((string order_id) => "found " + order_id, "lookup_order"),
        AIFunctionFactory.Create((string order_id, double amount) => "refunded", "request_refund"),
        AIFunctionFactory.Create((string format) => "everyone", "export_customers"),
    ];

    [Fact]
    public async Task GetResponse_OffersOnlyTheCallersTools_AndWrapsApprovalTools()
    {
        IList<AITool>? offered = null;
        var model = new ScriptedChatClient { OnGetResponse = (_, options, _) => { offered = options?.Tools; return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"))); } };
        using var client = new ToolPermissionsChatClient(model, Policy);

        await client.GetResponseAsync("hi", Options(new CallerIdentity("customer", "public")), TestContext.Current.CancellationToken);

        offered!.Select(t => t.Name).Should().Equal("lookup_order", "request_refund");
        offered![1].GetService<ApprovalRequiredAIFunction>().Should().NotBeNull();
    }

    [Fact]
    public async Task GetResponse_NoKnownCaller_OffersNoTools()
    {
        IList<AITool>? offered = null;
        var model = new ScriptedChatClient { OnGetResponse = (_, options, _) => { offered = options?.Tools; return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"))); } };
        using var client = new ToolPermissionsChatClient(model, Policy);

        await client.GetResponseAsync("hi", new ChatOptions { Tools = [.. Tools] }, TestContext.Current.CancellationToken);

        offered.Should().BeEmpty();
    }

    [Fact]
    public async Task Invoke_ArgumentOutsideItsLimit_IsRefusedAndRecordedNotRun()
    {
        var ran = false;
        AIFunction refund = AIFunctionFactory.Create((string order_id, double amount) => { ran = true; return "refunded"; }, "request_refund");
        AITool? wrapped = null;
        using var client = new ToolPermissionsChatClient(new ScriptedChatClient { OnGetResponse = (_, options, _) => { wrapped = options!.Tools![0]; return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"))); } }, Policy);
        await client.GetResponseAsync("hi", Options(CallerIdentity.Default, refund), TestContext.Current.CancellationToken);
        var function = wrapped!.GetService<AIFunction>()!;
        using var scope = SecurityEvidence.Begin(CallerIdentity.Default);

        var result = await function.InvokeAsync(new AIFunctionArguments { ["order_id"] = "LO-12345", ["amount"] = 900.0 }, TestContext.Current.CancellationToken);

        ran.Should().BeFalse();
        result!.ToString().Should().StartWith(ToolPermissionsChatClient.DeniedPrefix).And.Contain("amount 900 exceeds 250");
        scope.Invocations.Should().ContainSingle().Which.Status.Should().Be(ToolInvocationStatus.Denied);
    }

    private static ChatOptions Options(CallerIdentity caller, params AIFunction[] tools) => new()
    {
        Tools = [.. tools.Length == 0 ? Tools : tools],
        AdditionalProperties = new() { [CallerIdentity.PropertyName] = caller },
    };
}
