namespace SecureReqs;

/// <summary>
/// Adds documents to a deployed target's knowledge base for the length of a piece of work and removes them afterwards,
/// whatever happens: when the work succeeds, fails or is cancelled. Fail-closed both ways: a document that cannot be
/// added errors the story (the documents already added are removed first), and a document that cannot be removed is an
/// error naming every document left behind, never swallowed.
/// </summary>
public static class KnowledgeBaseSeeding
{
    /// <summary>Adds <paramref name="documents"/>, runs <paramref name="work"/>, and removes every document added.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="target">The target's name, for messages.</param>
    /// <param name="writer">Its knowledge base.</param>
    /// <param name="documents">The documents to add, in order.</param>
    /// <param name="purpose">What they are, for messages, such as "the poisoned documents".</param>
    /// <param name="work">The work, given the documents as added.</param>
    /// <param name="cancellationToken">Cancels adding and the work; removal is never cancelled.</param>
    /// <returns>What the work returned.</returns>
    /// <exception cref="SecureReqsException">A document could not be added, or one could not be removed (the message names every document left behind).</exception>
    public static async Task<T> WithDocumentsAsync<T>(string target, IKnowledgeBaseWriter writer, IReadOnlyList<KnowledgeDocument> documents, string purpose, Func<IReadOnlyList<SeededDocument>, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(work);
        var seeded = new List<SeededDocument>(documents.Count);
        T result;
        try
        {
            foreach (var document in documents)
            {
                string id;
                try
                {
                    id = await writer.AddAsync(document, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    throw new SecureReqsException($"Could not add {purpose} to the knowledge base of the target \"{target}\" ({writer.Description}): document \"{document.Id}\" ({seeded.Count + 1} of {documents.Count}) failed: {ex.Message.TrimEnd('.')}. Nothing was judged: a story whose documents are not in place would prove nothing. Check \"knowledgeBase\" in securereqs.json and that the knowledge base accepts the documents.", ex);
                }

                seeded.Add(new SeededDocument(string.IsNullOrWhiteSpace(id) ? document.Id : id, document));
            }

            result = await work(seeded).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (await RemoveAllAsync(target, writer, seeded, purpose).ConfigureAwait(false) is { } leftBehind)
            {
                throw new SecureReqsException($"{ex.Message.TrimEnd('.')}. {leftBehind}", ex);
            }

            throw;
        }

        return await RemoveAllAsync(target, writer, seeded, purpose).ConfigureAwait(false) is { } left
            ? throw new SecureReqsException(left)
            : result;
    }

    // Removes every document (each tried, whatever the others do); null when all are gone, else the error naming the rest.
    private static async Task<string?> RemoveAllAsync(string target, IKnowledgeBaseWriter writer, List<SeededDocument> seeded, string purpose)
    {
        var left = new List<(SeededDocument Document, string Why)>();
        foreach (var document in seeded)
        {
            try
            {
                // Never cancelled: a run stopped with Ctrl-C still takes its documents out again.
                await writer.RemoveAsync(document.Id, document.Document, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                left.Add((document, ex.Message.TrimEnd('.')));
            }
        }

        if (left.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", left.Take(20).Select(l => $"\"{l.Document.Id}\""));
        var more = left.Count > 20 ? $" and {left.Count - 20} more" : "";
        return $"Clean-up failed: {left.Count} of {seeded.Count} documents ({purpose}) are left in the knowledge base of the target \"{target}\": {names}{more} ({writer.Description}; first error: {left[0].Why}). Remove them by hand before the knowledge base is used again.";
    }
}
