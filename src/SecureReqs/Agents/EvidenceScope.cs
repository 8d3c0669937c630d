using System.Collections.Concurrent;

namespace SecureReqs;

/// <summary>
/// White-box evidence gathered while one case runs in process: every tool invocation and every retrieval the
/// application's pipeline reported through <see cref="SecurityEvidence"/>. Created by <see cref="SecurityEvidence.Begin"/>.
/// </summary>
/// <remarks>Thread-safe: tools invoked concurrently may record at the same time.</remarks>
public sealed class EvidenceScope : IDisposable
{
    private readonly ConcurrentQueue<ToolInvocationRecord> _invocations = new();
    private readonly ConcurrentQueue<RetrievalRecord> _retrievals = new();
    private readonly ConcurrentQueue<ModelRequestRecord> _modelRequests = new();
    private readonly ConcurrentQueue<MemoryRecord> _memory = new();
    private readonly EvidenceScope? _previous;
    private readonly ConcurrentQueue<string> _unreadable = new();
    private int _withheld;
    private bool _disposed;

    internal EvidenceScope(CallerIdentity caller, EvidenceScope? previous)
    {
        Caller = caller;
        _previous = previous;
    }

    /// <summary>The caller the case runs as; in a case of several synthetic users, the one sending the current turn.</summary>
    public CallerIdentity Caller { get; internal set; }

    /// <summary>The tool invocations, in the order they were recorded.</summary>
    public IReadOnlyList<ToolInvocationRecord> Invocations => [.. _invocations];

    /// <summary>The documents handed to the application, in the order they were recorded.</summary>
    public IReadOnlyList<RetrievalRecord> Retrievals => [.. _retrievals];

    /// <summary>The requests that reached the model, in the order they were recorded.</summary>
    public IReadOnlyList<ModelRequestRecord> ModelRequests => [.. _modelRequests];
    /// <summary>The reads and writes of the assistant's memory, in the order they were recorded.</summary>
    public IReadOnlyList<MemoryRecord> Memory => [.. _memory];

    /// <summary>How many retrieved documents a control withheld.</summary>
    public int Withheld => Volatile.Read(ref _withheld);

    /// <summary>Evidence the target reported that could not be read (a malformed retrievals report): the case cannot be
    /// judged, and is never passed.</summary>
    public IReadOnlyList<string> Unreadable => [.. _unreadable];

    internal void AddUnreadable(string problem)
    {
        _unreadable.Enqueue(problem);
    }

    internal void Add(ToolInvocationRecord record)
    {
        _invocations.Enqueue(record);
    }

    internal void Add(RetrievalRecord record)
    {
        _retrievals.Enqueue(record);
    }

    internal void Add(ModelRequestRecord record)
    {
        _modelRequests.Enqueue(record);
    }

    internal void Add(MemoryRecord record)
    {
        _memory.Enqueue(record);
    }

    internal void AddWithheld(int count)
    {
        Interlocked.Add(ref _withheld, count);
    }

    /// <summary>Ends the scope; evidence recorded afterwards in this flow goes to the enclosing scope, if any.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            SecurityEvidence.Restore(this, _previous);
        }
    }
}
