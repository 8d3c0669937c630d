namespace SecureReqs;

/// <summary>A document a story added to a deployed target's knowledge base.</summary>
/// <param name="Id">The id the knowledge base knows it by (a server may assign its own).</param>
/// <param name="Document">The document as it was added.</param>
public sealed record SeededDocument(string Id, KnowledgeDocument Document);
