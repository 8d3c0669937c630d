using System.Collections.Concurrent;
using SecureReqs;

namespace SecureReqs.Guardrails;

/// <summary>
/// Memory isolation (OWASP agentic T1): gives every user a memory of their own, made by a factory the first time the
/// user is seen, so a recall can only ever search the asking user's facts, whatever the store underneath does. A
/// request without a user keeps and recalls nothing. As a second line, an entry a partition reports for another user
/// is withheld.
/// </summary>
/// <remarks>Thread-safe if the partitions are. Fail-closed: a blank user gets no memory.</remarks>
/// <param name="createPartition">Makes the memory of one user.</param>
public sealed class UserScopedAssistantMemory(Func<IAssistantMemory> createPartition) : IAssistantMemory
{
    private readonly ConcurrentDictionary<string, Lazy<IAssistantMemory>> _partitions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RememberAsync(string user, string fact, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(user) ? Task.CompletedTask : PartitionOf(user).RememberAsync(user, fact, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<MemoryEntry>> RecallAsync(string user, string query, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return [];
        }

        var entries = await PartitionOf(user).RecallAsync(user, query, cancellationToken).ConfigureAwait(false);
        return entries.All(e => string.Equals(e.Owner, user, StringComparison.Ordinal)) ? entries : [.. entries.Where(e => string.Equals(e.Owner, user, StringComparison.Ordinal))];
    }

    private IAssistantMemory PartitionOf(string user) =>
        _partitions.GetOrAdd(user, _ => new Lazy<IAssistantMemory>(createPartition)).Value;
}
