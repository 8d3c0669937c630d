using System.Collections.Concurrent;

namespace SecureReqs.Runner.Tests.Fixtures;

/// <summary>Records what fixture bindings and hooks did; tests inject one per run through ConfigureGlobalContainer.</summary>
public sealed class RunLog
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public void Add(string entry) => _entries.Enqueue(entry);
}
