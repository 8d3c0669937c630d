using SecureReqs.Guardrails;

namespace SecureReqs.Demo;

/// <summary>
/// The demo application's knowledge base: public help articles, internal staff documents and confidential documents
/// (<c>Data/knowledge-base.jsonl</c>, every non-public one with a canary), in an in-memory vector store, with the
/// integrity manifest written when it was ingested (<c>Data/knowledge-base.manifest.json</c>).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class DemoKnowledgeBase
{
    private const string DocumentsResource = "SecureReqs.Demo.Data.knowledge-base.jsonl";
    private const string ManifestResource = "SecureReqs.Demo.Data.knowledge-base.manifest.json";

    /// <summary>The documents as shipped.</summary>
    public static IReadOnlyList<KnowledgeDocument> Documents { get; } = LoadDocuments();

    /// <summary>The manifest written at ingestion, or an empty one when the build carries none.</summary>
    public static KnowledgeBaseManifest Manifest { get; } = LoadManifest();

    /// <summary>Builds the store with the shipped documents plus <paramref name="extra"/> (poisoned documents an attacker slipped in).</summary>
    /// <param name="extra">Documents added after ingestion.</param>
    /// <returns>The store.</returns>
    public static InMemoryVectorCollection CreateStore(IEnumerable<KnowledgeDocument>? extra = null) =>
        new([.. Documents.Concat(extra ?? []).Select(d => new KnowledgeRecord(d, HashingEmbeddingGenerator.Embed(d.Title + "\n" + d.Content)))]);

    /// <summary>The naive application's retrieval: whatever is closest, whoever asks (recorded for the run).</summary>
    /// <param name="store">The store.</param>
    /// <returns>The retriever.</returns>
    public static IDocumentRetriever NaiveRetriever(InMemoryVectorCollection store) =>
        new RecordingDocumentRetriever(Search(store));

    /// <summary>The guarded application's retrieval: only documents the ingestion manifest vouches for, at or below the caller's clearance (recorded for the run).</summary>
    /// <param name="store">The store.</param>
    /// <returns>The retriever.</returns>
    public static IDocumentRetriever GuardedRetriever(InMemoryVectorCollection store) =>
        new RecordingDocumentRetriever(new ClearanceFilteringRetriever(new IntegrityVerifyingRetriever(Search(store), Manifest)));

    private static VectorStoreDocumentRetriever<KnowledgeRecord> Search(InMemoryVectorCollection store) =>
        new(store, r => r.Document, new HashingEmbeddingGenerator(), r => r.Vector);

    private static IReadOnlyList<KnowledgeDocument> LoadDocuments()
    {
        using var stream = typeof(DemoKnowledgeBase).Assembly.GetManifestResourceStream(DocumentsResource)!;
        return KnowledgeDocumentLoader.Read(stream, "SecureReqs.Demo/Data/knowledge-base.jsonl");
    }

    private static KnowledgeBaseManifest LoadManifest()
    {
        using var stream = typeof(DemoKnowledgeBase).Assembly.GetManifestResourceStream(ManifestResource);
        if (stream is null)
        {
            return new KnowledgeBaseManifest([]);
        }

        return KnowledgeBaseManifest.Read(stream, "SecureReqs.Demo/Data/knowledge-base.manifest.json");
    }
}
