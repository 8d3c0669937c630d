using SecureReqs.Guardrails;

namespace SecureReqs.Guardrails.Tests;

public class UserScopedAssistantMemoryTests
{
    [Fact]
    public async Task UserScopedMemory_OverASharedStore_RecallsOnlyTheUsersOwnFacts()
    {
        var memory = new UserScopedAssistantMemory(() => new ListMemory());
        await memory.RememberAsync("a", "a's locker code", TestContext.Current.CancellationToken);
        await memory.RememberAsync("b", "b's locker code", TestContext.Current.CancellationToken);
        await memory.RememberAsync(" ", "anonymous fact", TestContext.Current.CancellationToken);

        (await memory.RecallAsync("a", "locker", TestContext.Current.CancellationToken)).Should().Equal(new MemoryEntry("a", "a's locker code"));
        (await memory.RecallAsync("c", "locker", TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await memory.RecallAsync("", "fact", TestContext.Current.CancellationToken)).Should().BeEmpty();
    }

    [Fact]
    public async Task UserScopedMemory_PartitionReportingAnotherOwner_IsWithheld()
    {
        var shared = new ListMemory();
        await shared.RememberAsync("someone-else", "their fact", TestContext.Current.CancellationToken);
        var memory = new UserScopedAssistantMemory(() => shared);

        var recalled = await memory.RecallAsync("a", "fact", TestContext.Current.CancellationToken);

        recalled.Should().BeEmpty();
    }

    // A memory that keeps every fact and recalls every fact, whoever asks.
    private sealed class ListMemory : IAssistantMemory
    {
        private readonly List<MemoryEntry> _entries = [];

        public Task RememberAsync(string user, string fact, CancellationToken cancellationToken = default)
        {
            _entries.Add(new MemoryEntry(user, fact));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<MemoryEntry>> RecallAsync(string user, string query, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<MemoryEntry>>([.. _entries]);
    }
}
