#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints.Tests;

// An http target that sends each case with its caller's key (callerKeys), and reports the calls its answers say the app
// refused.
public sealed class CallerKeysTests : LoopbackTargets
{
    private const string Target = """
        "apiKeyHeader": "X-Api-Key",
        "callerKeys": { "customer": "env:TEST_LOCAL_KEY" },
        "body": { "q": "{{prompt}}" },
        "responsePath": "reply",
        "toolCallsPath": "tool_calls"
        """;

    [Fact(Timeout = 30_000)]
    public async Task CaseOfARoleWithAKey_IsSentWithThatKey()
    {
        AnswerWith(200, "application/json", """{ "reply": "hi" }""");
        var client = HttpTargetWith(Target);

        using (SecurityEvidence.Begin(new CallerIdentity("customer", Classification.Public)))
        {
            await client.GetResponseAsync("hello", cancellationToken: Ct);
        }

        Server.Received.Single().Headers["X-Api-Key"].Should().Be(Key);
    }

    [Fact(Timeout = 30_000)]
    public async Task CaseOfARoleWithoutAKey_IsAnErrorNamingTheRole_AndNothingIsSent()
    {
        AnswerWith(200, "application/json", """{ "reply": "hi" }""");
        var client = HttpTargetWith(Target);

        string error;
        using (SecurityEvidence.Begin(new CallerIdentity("admin", Classification.Confidential)))
        {
            error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));
        }

        error.Should().Be("target \"local\": no key is declared for the caller role \"admin\", so its cases cannot be sent as that caller; add \"admin\": \"env:NAME\" to \"callerKeys\" in securereqs.json");
        Server.Requests.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task CallReportedDenied_IsRecordedAsRefused_OthersAreNot()
    {
        AnswerWith(200, "application/json", """
            { "reply": "No.", "tool_calls": [
                { "id": "a", "name": "export_customers", "arguments": "{}", "status": "denied" },
                { "id": "b", "name": "lookup_order", "arguments": "{\"order_id\":\"LO-1\"}", "status": "ran" } ] }
            """);
        var client = HttpTargetWith(Target);

        IReadOnlyList<ToolInvocationRecord> recorded;
        using (var evidence = SecurityEvidence.Begin(new CallerIdentity("customer", Classification.Public)))
        {
            await client.GetResponseAsync("export everything", cancellationToken: Ct);
            recorded = evidence.Invocations;
        }

        recorded.Select(r => (r.Tool, r.CallId, r.Status)).Should().Equal(("export_customers", "a", ToolInvocationStatus.Denied));
    }
}
