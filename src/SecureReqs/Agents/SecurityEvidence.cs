namespace SecureReqs;

/// <summary>
/// The ambient channel through which an in-process application reports white-box evidence (tool invocations,
/// retrievals) to the SecureReqs run that is sending it a case. It flows with the async context of the request, so
/// concurrent cases never mix. When no run is active every call here is a no-op, so recording hooks can stay in
/// production code.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class SecurityEvidence
{
    private static readonly AsyncLocal<EvidenceScope?> _current = new();

    /// <summary>The scope of the case running in this async flow, or null outside a run.</summary>
    public static EvidenceScope? Current => _current.Value;

    /// <summary>The caller of the case running in this async flow, or null outside a run.</summary>
    public static CallerIdentity? Caller => _current.Value?.Caller;

    /// <summary>Starts gathering evidence for one case run as <paramref name="caller"/>; dispose to stop.</summary>
    /// <param name="caller">Who the case runs as.</param>
    /// <returns>The scope.</returns>
    public static EvidenceScope Begin(CallerIdentity caller)
    {
        var scope = new EvidenceScope(caller, _current.Value);
        _current.Value = scope;
        return scope;
    }

    /// <summary>Records a tool invocation, when a run is active.</summary>
    /// <param name="record">The invocation.</param>
    public static void RecordInvocation(ToolInvocationRecord record) => _current.Value?.Add(record);

    /// <summary>Records a document handed to the application, when a run is active.</summary>
    /// <param name="record">The retrieval.</param>
    public static void RecordRetrieval(RetrievalRecord record) => _current.Value?.Add(record);

    /// <summary>Records a request that reached the model, when a run is active.</summary>
    /// <param name="record">The request as the model received it.</param>
    public static void RecordModelRequest(ModelRequestRecord record) => _current.Value?.Add(record);
    /// <summary>Records a read or write of the assistant's memory, when a run is active.</summary>
    /// <param name="record">The access.</param>
    public static void RecordMemory(MemoryRecord record) => _current.Value?.Add(record);

    /// <summary>
    /// Records that evidence the target reported could not be read (a retrievals report that is not what the target
    /// declared), when a run is active: the case ends as unjudgeable with this problem, never as passed.
    /// </summary>
    /// <param name="problem">What could not be read and what to check.</param>
    public static void RecordUnreadable(string problem) => _current.Value?.AddUnreadable(problem);

    /// <summary>Records that a control withheld retrieved documents, when a run is active.</summary>
    /// <param name="count">How many.</param>
    public static void RecordWithheld(int count) => _current.Value?.AddWithheld(count);

    internal static void Restore(EvidenceScope ending, EvidenceScope? previous)
    {
        if (ReferenceEquals(_current.Value, ending))
        {
            _current.Value = previous;
        }
    }
}
