using SecureReqs;

namespace SecureReqs.Guardrails;

/// <summary>
/// Knowledge-base provenance (OWASP LLM04, LLM08): passes on only documents that the knowledge base's integrity
/// manifest vouches for, unchanged in content, label and (when the store returns it) vector. A document slipped into
/// the store after ingestion, edited in place, or given another document's vector is withheld.
/// </summary>
/// <remarks>Thread-safe if the inner retriever is. It does not judge content: a poisoned document that went through
/// the normal, signed ingestion passes; screen content with the prompt-injection guard as well.</remarks>
/// <param name="inner">The retriever that searches.</param>
/// <param name="manifest">The manifest written when the knowledge base was ingested.</param>
public sealed class IntegrityVerifyingRetriever(IDocumentRetriever inner, KnowledgeBaseManifest manifest) : IDocumentRetriever
{
    /// <summary>Called with every withheld document, for audit logs.</summary>
    public Action<RetrievedDocument>? OnWithheld { get; init; }

    /// <summary>The metrics this guardrail emits (<see cref="GuardrailMetrics"/>).</summary>
    /// <value>The default value is <see cref="GuardrailMetrics.Shared"/>.</value>
    public GuardrailMetrics Metrics { get; init; } = GuardrailMetrics.Shared;

    /// <inheritdoc />
    public async Task<IReadOnlyList<RetrievedDocument>> RetrieveAsync(string query, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        var candidates = await inner.RetrieveAsync(query, options with { Top = options.Top * 2 }, cancellationToken).ConfigureAwait(false);
        var vouched = new List<RetrievedDocument>(options.Top);
        foreach (var candidate in candidates)
        {
            if (manifest.Vouches(candidate))
            {
                vouched.Add(candidate);
            }
            else
            {
                SecurityEvidence.RecordWithheld(1);
                Metrics.DocumentsWithheldFromModel(1, "integrity");
                OnWithheld?.Invoke(candidate);
            }
        }

        return [.. vouched.Take(options.Top)];
    }
}
