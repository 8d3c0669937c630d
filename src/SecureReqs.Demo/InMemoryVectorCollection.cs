using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace SecureReqs.Demo;

/// <summary>
/// A minimal in-memory <see cref="IVectorSearchable{TRecord}"/> (exact cosine search) for the demo's knowledge base, so
/// that the demo retrieves through the same <c>Microsoft.Extensions.VectorData</c> adapter an application would use.
/// </summary>
/// <remarks>Thread-safe: the records are fixed at construction.</remarks>
/// <param name="records">The records.</param>
public sealed class InMemoryVectorCollection(IReadOnlyList<KnowledgeRecord> records) : IVectorSearchable<KnowledgeRecord>
{
    /// <summary>Every record.</summary>
    public IReadOnlyList<KnowledgeRecord> Records { get; } = records;

    /// <inheritdoc />
    public async IAsyncEnumerable<VectorSearchResult<KnowledgeRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<KnowledgeRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TInput : notnull
    {
        var query = searchValue switch
        {
            ReadOnlyMemory<float> memory => memory,
            float[] array => array,
            Embedding<float> embedding => embedding.Vector,
            string text => HashingEmbeddingGenerator.Embed(text),
            _ => throw new NotSupportedException($"Search by {typeof(TInput).Name} is not supported; pass a vector or text."),
        };
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var (record, score) in Records
            .Select(r => (Record: r, Score: Cosine(query.Span, r.Vector.Span)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Record.Document.Id, StringComparer.Ordinal)
            .Skip(options?.Skip ?? 0)
            .Take(top))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new VectorSearchResult<KnowledgeRecord>(record, score);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
