namespace SecureReqs.Demo;

/// <summary>
/// The demo application's memory store: facts kept in process, each filed with the user who told it. Its recall is the
/// naive build's mistake, kept on purpose: it searches every user's facts (one memory for the whole assistant), so a
/// user is handed facts other users told it. The guarded build puts SecureReqs.Guardrails' <c>UserScopedAssistantMemory</c>
/// in front of it. A SIMULATION of a real memory store (a vector store keyed by user in a real app).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SharedAssistantMemory : IAssistantMemory
{
    private readonly Lock _gate = new();
    private readonly List<MemoryEntry> _entries = [];

    /// <summary>How many facts a recall returns at most.</summary>
    /// <value>The default value is 3.</value>
    public int Top { get; init; } = 3;

    /// <inheritdoc />
    public Task RememberAsync(string user, string fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(fact);
        lock (_gate)
        {
            _entries.Add(new MemoryEntry(user, fact));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryEntry>> RecallAsync(string user, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = Words(query);
        lock (_gate)
        {
            // The closest facts by shared words, the most recent first among equals: from every user's facts.
            IReadOnlyList<MemoryEntry> found = [.. _entries
                .Select((e, i) => (Entry: e, Index: i, Shared: Words(e.Text).Count(words.Contains)))
                .OrderByDescending(x => x.Shared)
                .ThenByDescending(x => x.Index)
                .Take(Top)
                .Select(x => x.Entry)];
            return Task.FromResult(found);
        }
    }

    private static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[])[' ', '\t', '\n', ',', '.', '?', '!', ':', ';', '"', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3)];
}
