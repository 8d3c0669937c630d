using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace SecureReqs;

/// <summary>
/// Adapts a <c>Microsoft.Extensions.VectorData</c> collection (any connector: in-memory, Azure AI Search, Qdrant, …) to
/// <see cref="IDocumentRetriever"/>: the query is embedded with the given generator (or passed as text when the
/// collection embeds it itself), searched, and each record mapped to a <see cref="KnowledgeDocument"/>.
/// </summary>
/// <typeparam name="TRecord">The collection's record type.</typeparam>
/// <remarks>Thread-safe if the collection and generator are.</remarks>
public sealed class VectorStoreDocumentRetriever<TRecord> : IDocumentRetriever
    where TRecord : class
{
    private readonly IVectorSearchable<TRecord> _collection;
    private readonly Func<TRecord, KnowledgeDocument> _map;
    private readonly Func<TRecord, ReadOnlyMemory<float>>? _vector;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;

    /// <summary>Creates the adapter.</summary>
    /// <param name="collection">The collection to search.</param>
    /// <param name="map">Maps a record to a document; it must carry the record's classification label.</param>
    /// <param name="embedder">Embeds the query; null when the collection embeds text queries itself.</param>
    /// <param name="vector">Reads a record's stored vector, so integrity checks can verify it; null to skip.</param>
    public VectorStoreDocumentRetriever(IVectorSearchable<TRecord> collection, Func<TRecord, KnowledgeDocument> map, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, Func<TRecord, ReadOnlyMemory<float>>? vector = null)
    {
        _collection = collection;
        _map = map;
        _embedder = embedder;
        _vector = vector;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RetrievedDocument>> RetrieveAsync(string query, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        var search = new VectorSearchOptions<TRecord> { IncludeVectors = _vector is not null };
        var results = _embedder is null
            ? _collection.SearchAsync(query, options.Top, search, cancellationToken)
            : _collection.SearchAsync((await _embedder.GenerateAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false)).Vector, options.Top, search, cancellationToken);
        var documents = new List<RetrievedDocument>(options.Top);
        await foreach (var result in results.ConfigureAwait(false))
        {
            if ((result.Score ?? 0) < options.MinimumScore)
            {
                continue;
            }

            var document = _map(result.Record);
            if (!Classification.IsKnown(document.Classification))
            {
                throw SecureReqsException.Unknown("classification", document.Classification, Classification.Levels, $"Document \"{document.Id}\" must carry a classification label.");
            }

            documents.Add(new RetrievedDocument(document, result.Score ?? 0) { Vector = _vector?.Invoke(result.Record) ?? default });
        }

        return documents;
    }
}
