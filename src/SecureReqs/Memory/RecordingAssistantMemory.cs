namespace SecureReqs;

/// <summary>
/// Reports every fact written to and read from the memory it wraps to <see cref="SecurityEvidence"/>, with the
/// authenticated user of the request: the white-box evidence of memory-isolation stories. The user comes from the
/// SecureReqs run (<see cref="SecurityEvidence.Caller"/>), not from the pipeline, so a pipeline that keys memory by
/// the wrong value is still seen reading another user's facts. Put it last (outermost), so that it records what
/// actually reaches the model after every filter. Outside a SecureReqs run it only forwards.
/// </summary>
/// <remarks>Thread-safe if the inner memory is.</remarks>
/// <param name="inner">The memory that does the work.</param>
public sealed class RecordingAssistantMemory(IAssistantMemory inner) : IAssistantMemory
{
    private const int MaxText = 160;

    /// <inheritdoc />
    public async Task RememberAsync(string user, string fact, CancellationToken cancellationToken = default)
    {
        await inner.RememberAsync(user, fact, cancellationToken).ConfigureAwait(false);
        SecurityEvidence.RecordMemory(new MemoryRecord(MemoryAccess.Write, Authenticated(user), user, Clip(fact)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MemoryEntry>> RecallAsync(string user, string query, CancellationToken cancellationToken = default)
    {
        var entries = await inner.RecallAsync(user, query, cancellationToken).ConfigureAwait(false);
        var caller = Authenticated(user);
        foreach (var entry in entries)
        {
            SecurityEvidence.RecordMemory(new MemoryRecord(MemoryAccess.Read, caller, entry.Owner, Clip(entry.Text)));
        }

        return entries;
    }

    private static string Authenticated(string user) => SecurityEvidence.Caller?.User ?? user;

    private static string Clip(string text) => text.Length <= MaxText ? text : text[..(MaxText - 3)] + "...";
}
