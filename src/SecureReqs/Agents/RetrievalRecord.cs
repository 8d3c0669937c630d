namespace SecureReqs;

/// <summary>One document a retrieval step handed to the application (and so to the model).</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Classification">Its classification label.</param>
/// <param name="CallerClearance">The clearance of the caller it was retrieved for.</param>
/// <param name="Query">The query, clipped.</param>
public sealed record RetrievalRecord(string DocumentId, string? Title, string Classification, string CallerClearance, string Query)
{
    /// <summary>Whether the document is above the caller's clearance.</summary>
    public bool AboveClearance => SecureReqs.Classification.IsAbove(Classification, CallerClearance);

    /// <summary>Whether the target's answer reported the retrieval (black-box), rather than the pipeline recording it in process.</summary>
    public bool Reported { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{DocumentId} ({Classification}) for a {CallerClearance}-clearance caller{(Reported ? ", as the target's answer reported" : "")}";
}
