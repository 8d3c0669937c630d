namespace SecureReqs;

/// <summary>A document a retriever returned for a query.</summary>
/// <param name="Document">The document.</param>
/// <param name="Score">The similarity score, higher is closer.</param>
public sealed record RetrievedDocument(KnowledgeDocument Document, double Score)
{
    /// <summary>The stored embedding, when the store returned it (integrity checks need it), or empty.</summary>
    public ReadOnlyMemory<float> Vector { get; init; }
}
