using SecureReqs;

namespace SecureReqs.Guardrails;

/// <summary>
/// Retrieval access control (OWASP LLM08): withholds every document above the caller's clearance before it can reach
/// the model, whatever the query. It asks the inner retriever for more candidates than it returns, so that filtering
/// does not starve the answer.
/// </summary>
/// <remarks>Thread-safe if the inner retriever is. Fail-closed: a document with an unknown label is withheld.</remarks>
/// <param name="inner">The retriever that searches.</param>
public sealed class ClearanceFilteringRetriever(IDocumentRetriever inner) : IDocumentRetriever
{
    /// <summary>How many candidates to fetch per document returned.</summary>
    /// <value>The default value is 4.</value>
    public int Oversampling { get; init; } = 4;

    /// <summary>The metrics this guardrail emits (<see cref="GuardrailMetrics"/>).</summary>
    /// <value>The default value is <see cref="GuardrailMetrics.Shared"/>.</value>
    public GuardrailMetrics Metrics { get; init; } = GuardrailMetrics.Shared;

    /// <inheritdoc />
    public async Task<IReadOnlyList<RetrievedDocument>> RetrieveAsync(string query, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        var candidates = await inner.RetrieveAsync(query, options with { Top = options.Top * Math.Max(1, Oversampling) }, cancellationToken).ConfigureAwait(false);
        var allowed = candidates.Where(d => Classification.IsKnown(d.Document.Classification) && !Classification.IsAbove(d.Document.Classification, options.Caller.Clearance)).ToList();
        var withheld = candidates.Take(options.Top).Count(d => !allowed.Contains(d));
        if (withheld > 0)
        {
            SecurityEvidence.RecordWithheld(withheld);
            Metrics.DocumentsWithheldFromModel(withheld, "clearance");
        }

        return [.. allowed.Take(options.Top)];
    }
}
