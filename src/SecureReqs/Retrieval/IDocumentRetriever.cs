namespace SecureReqs;

/// <summary>
/// The retrieval step of an application's pipeline: documents for a query, for a caller. Decorators record what was
/// retrieved (<see cref="RecordingDocumentRetriever"/>) and enforce clearance and integrity (SecureReqs.Guardrails).
/// </summary>
public interface IDocumentRetriever
{
    /// <summary>Finds the documents closest to <paramref name="query"/>.</summary>
    /// <param name="query">The query text.</param>
    /// <param name="options">Who they are for and how many.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The documents, closest first.</returns>
    Task<IReadOnlyList<RetrievedDocument>> RetrieveAsync(string query, RetrievalOptions options, CancellationToken cancellationToken = default);
}
