namespace SecureReqs;

/// <summary>What one retrieval is for.</summary>
/// <param name="Caller">Who the documents are retrieved for; clearance filters decide by it.</param>
public sealed record RetrievalOptions(CallerIdentity Caller)
{
    /// <summary>How many documents to return at most.</summary>
    /// <value>The default value is 3.</value>
    public int Top { get; init; } = 3;

    /// <summary>The lowest similarity score a document needs to be returned.</summary>
    /// <value>The default value is 0: any score.</value>
    public double MinimumScore { get; init; }
}
