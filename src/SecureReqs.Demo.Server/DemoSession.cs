using Microsoft.Extensions.AI;

namespace SecureReqs.Demo.Server;

/// <summary>One server-side conversation: its messages, the key that started it, and a lock so its turns run one at a time.</summary>
internal sealed class DemoSession(DemoApiKey owner)
{
    public DemoApiKey Owner { get; } = owner;

    public List<ChatMessage> History { get; } = [];

    public SemaphoreSlim Turn { get; } = new(1, 1);
}
