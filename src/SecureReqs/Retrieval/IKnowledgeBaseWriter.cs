namespace SecureReqs;

/// <summary>
/// The knowledge base of a deployed target, written to by a story for the length of its run: canary documents for the
/// clearance checks, poisoned documents for the second pass of a poisoning comparison. Everything a story adds it
/// removes afterwards, even when the run fails (<see cref="KnowledgeBaseSeeding"/>).
/// </summary>
/// <remarks>Implementations are thread-safe. A failure throws; it is never swallowed: a document that could not be added
/// errors the story, and one that could not be removed is reported by name.</remarks>
public interface IKnowledgeBaseWriter
{
    /// <summary>How documents are written, for messages, such as <c>POST https://host/api/documents</c> or
    /// <c>the command "sh"</c>; never a secret.</summary>
    string Description { get; }

    /// <summary>Adds a document to the knowledge base.</summary>
    /// <param name="document">The document, with its label.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The id the knowledge base knows the document by (the server's own id when it assigns one).</returns>
    /// <exception cref="SecureReqsException">The knowledge base refused the document or could not be reached; the message says why.</exception>
    Task<string> AddAsync(KnowledgeDocument document, CancellationToken cancellationToken = default);

    /// <summary>Removes a document added by <see cref="AddAsync"/>.</summary>
    /// <param name="id">The id <see cref="AddAsync"/> returned.</param>
    /// <param name="document">The document as it was added.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task.</returns>
    /// <exception cref="SecureReqsException">The document could not be removed; the message says why.</exception>
    Task RemoveAsync(string id, KnowledgeDocument document, CancellationToken cancellationToken = default);
}
