using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using SecureReqs.Guardrails;

namespace SecureReqs.Benchmarks;

/// <summary>The per-request overhead of <see cref="PromptInjectionGuardChatClient"/> around a client that answers at once.</summary>
[MemoryDiagnoser]
public class GuardOverheadBenchmarks
{
    private readonly IChatClient _bare = new NoOpChatClient();
    private readonly IChatClient _guarded = new PromptInjectionGuardChatClient(new NoOpChatClient());
    private readonly List<ChatMessage> _request =
    [
        new(ChatRole.System, "You are the support assistant of an online shoe shop."),
        new(ChatRole.User, BenchmarkTexts.TypicalRequest),
    ];

    [Benchmark(Baseline = true, Description = "no-op client")]
    public Task<ChatResponse> Bare() => _bare.GetResponseAsync(_request);

    [Benchmark(Description = "guard around no-op client")]
    public Task<ChatResponse> Guarded() => _guarded.GetResponseAsync(_request);

    private sealed class NoOpChatClient : IChatClient
    {
        private static readonly Task<ChatResponse> Answer = Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => Answer;

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
