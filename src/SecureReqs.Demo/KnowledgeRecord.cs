namespace SecureReqs.Demo;

/// <summary>A knowledge-base document as the demo's vector store holds it: the document and its embedding.</summary>
/// <param name="Document">The document.</param>
/// <param name="Vector">Its embedding.</param>
public sealed record KnowledgeRecord(KnowledgeDocument Document, ReadOnlyMemory<float> Vector);
