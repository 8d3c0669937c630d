using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using SecureReqs.Demo;

namespace SecureReqs.Benchmarks;

/// <summary>The cost of judging and enforcing tool calls and of guarded retrieval, next to what a model call costs.</summary>
[MemoryDiagnoser]
public class AgentBenchmarks
{
    private static readonly Dictionary<string, object?> _email = new() { ["to"] = "\"Returns\" <returns@larkspur.example>, drop@collect.example", ["subject"] = "hi", ["body"] = "order details" };
    private static readonly Dictionary<string, object?> _read = new() { ["path"] = "help/%2e%2e/config/payment-gateway.env" };
    private readonly InMemoryVectorCollection _store = DemoKnowledgeBase.CreateStore();
    private IDocumentRetriever _guarded = null!;
    private IDocumentRetriever _naive = null!;
    private IChatClient _agent = null!;

    /// <summary>Builds the retrievers once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _guarded = DemoKnowledgeBase.GuardedRetriever(_store);
        _naive = DemoKnowledgeBase.NaiveRetriever(_store);
        _agent = DemoTargets.CreateGuarded();
    }

    [Benchmark(Description = "ToolPolicy.Evaluate: send_email, two recipients")]
    public ToolPolicyDecision EvaluateEmail() => DemoTools.Policy.Evaluate("customer", "send_email", _email);

    [Benchmark(Description = "ToolPolicy.Evaluate: read_file, encoded traversal")]
    public ToolPolicyDecision EvaluatePath() => DemoTools.Policy.Evaluate("customer", "read_file", _read);

    [Benchmark(Description = "Retrieval, naive: top 2 of 56 documents")]
    public Task<IReadOnlyList<RetrievedDocument>> Naive() => _naive.RetrieveAsync("can I get a refund after 30 days on a worn jacket", new RetrievalOptions(CallerIdentity.Default) { Top = 2 });

    [Benchmark(Description = "Retrieval, guarded (integrity + clearance): top 2 of 56 documents")]
    public Task<IReadOnlyList<RetrievedDocument>> Guarded() => _guarded.RetrieveAsync("can I get a refund after 30 days on a worn jacket", new RetrievalOptions(CallerIdentity.Default) { Top = 2 });

    [Benchmark(Description = "demo:guarded agent, one tool-calling request end to end")]
    public async Task<ChatResponse> GuardedAgent()
    {
        using var scope = SecurityEvidence.Begin(CallerIdentity.Default);
        return await _agent.GetResponseAsync("Where is my order LO-48213? Please email returns@larkspur.example about it.");
    }
}
