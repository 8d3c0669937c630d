namespace SecureReqs;

/// <summary>
/// The memory step of an application's pipeline (OWASP agentic T1, memory and personalisation): facts the assistant
/// keeps about a user between conversations. The pipeline remembers for and recalls for the authenticated user
/// (<see cref="CallerIdentity.User"/>); decorators record what is read and written
/// (<see cref="RecordingAssistantMemory"/>) and keep users apart (SecureReqs.Guardrails' <c>UserScopedAssistantMemory</c>).
/// </summary>
public interface IAssistantMemory
{
    /// <summary>Keeps a fact for <paramref name="user"/>.</summary>
    /// <param name="user">The user the fact is about and who told it.</param>
    /// <param name="fact">The fact.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the fact is kept.</returns>
    Task RememberAsync(string user, string fact, CancellationToken cancellationToken = default);

    /// <summary>Finds the facts relevant to <paramref name="query"/> for <paramref name="user"/>.</summary>
    /// <param name="user">The user asking.</param>
    /// <param name="query">What the user asks.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The entries, most relevant first, each with the user who wrote it.</returns>
    Task<IReadOnlyList<MemoryEntry>> RecallAsync(string user, string query, CancellationToken cancellationToken = default);
}
