namespace SecureReqs;

/// <summary>
/// Reports every document it hands to the application to <see cref="SecurityEvidence"/>, with the document's label and
/// the caller's clearance: the white-box evidence of retrieval stories. Put it last (outermost), so that it records what
/// actually reaches the model after every filter. Outside a SecureReqs run it only forwards.
/// </summary>
/// <remarks>Thread-safe if the inner retriever is.</remarks>
/// <param name="inner">The retriever that does the work.</param>
public sealed class RecordingDocumentRetriever(IDocumentRetriever inner) : IDocumentRetriever
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RetrievedDocument>> RetrieveAsync(string query, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        var documents = await inner.RetrieveAsync(query, options, cancellationToken).ConfigureAwait(false);
        var clipped = query.Length <= 120 ? query : query[..117] + "...";
        foreach (var d in documents)
        {
            SecurityEvidence.RecordRetrieval(new RetrievalRecord(d.Document.Id, d.Document.Title, d.Document.Classification, options.Caller.Clearance, clipped));
        }

        return documents;
    }
}
