namespace SecureReqs;

/// <summary>One read or write of an assistant's memory, as <see cref="RecordingAssistantMemory"/> saw it: the white-box
/// evidence of memory-isolation stories.</summary>
/// <param name="Access">A write or a read.</param>
/// <param name="User">The authenticated user of the request that made the access (the run's synthetic user when a run is
/// active, else the user the pipeline named).</param>
/// <param name="Owner">The user the fact belongs to: for a write, the user it was remembered for; for a read, the owner
/// the memory reported for the entry it handed over.</param>
/// <param name="Text">The fact, clipped to 160 characters.</param>
public sealed record MemoryRecord(MemoryAccess Access, string User, string Owner, string Text)
{
    /// <summary>Whether a read handed one user's fact to another user, or a write filed a fact under another user.</summary>
    public bool CrossesUsers => !string.Equals(User, Owner, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Access == MemoryAccess.Read
        ? $"{User} read a memory entry of {Owner}"
        : $"{User} wrote a memory entry for {Owner}";
}
