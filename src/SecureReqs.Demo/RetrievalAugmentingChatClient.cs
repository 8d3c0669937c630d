using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// The demo application's retrieval step (RAG): for each user request it retrieves the closest knowledge-base
/// documents for the caller and hands them to the model as labelled context before the request. The caller comes
/// from the request's options or the SecureReqs run; an unknown caller gets public clearance.
/// </summary>
/// <remarks>Thread-safe if the retriever is.</remarks>
/// <param name="innerClient">The rest of the pipeline.</param>
/// <param name="retriever">The retriever (with or without access control).</param>
public sealed class RetrievalAugmentingChatClient(IChatClient innerClient, IDocumentRetriever retriever) : DelegatingChatClient(innerClient)
{
    /// <summary>The context kind of a retrieved knowledge-base document.</summary>
    public const string ContextKind = "knowledge-base";

    /// <summary>The lowest similarity a document needs to be handed to the model.</summary>
    /// <value>The default value is 0.2.</value>
    public double MinimumScore { get; init; } = 0.2;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await base.GetResponseAsync(await AugmentAsync(messages, options, cancellationToken).ConfigureAwait(false), options, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var augmented = await AugmentAsync(messages, options, cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(augmented, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private async Task<IReadOnlyList<ChatMessage>> AugmentAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        var last = -1;
        for (var i = request.Count - 1; i >= 0; i--)
        {
            if (request[i].Role == ChatRole.User && request[i].AdditionalProperties?.ContainsKey(CaseInstantiator.ContextKindProperty) != true)
            {
                last = i;
                break;
            }
        }

        if (last < 0 || string.IsNullOrWhiteSpace(request[last].Text))
        {
            return request;
        }

        var caller = CallerIdentity.Of(options) ?? new CallerIdentity("anonymous", Classification.Public);
        var documents = await retriever.RetrieveAsync(request[last].Text, new RetrievalOptions(caller) { Top = 2, MinimumScore = MinimumScore }, cancellationToken).ConfigureAwait(false);
        var context = documents.Select(d => new ChatMessage(
            ChatRole.User,
            CaseInstantiator.ContextHeader(new CaseContextItem(ContextKind, d.Document.Title, d.Document.Classification, "")) + d.Document.Content)
        {
            AdditionalProperties = new() { [CaseInstantiator.ContextKindProperty] = ContextKind, [CaseInstantiator.ContextLabelProperty] = d.Document.Classification },
        }).ToList();
        if (context.Count == 0)
        {
            return request;
        }

        var augmented = new List<ChatMessage>(request.Count + context.Count);
        augmented.AddRange(request.Take(last));
        augmented.AddRange(context);
        augmented.AddRange(request.Skip(last));
        return augmented;
    }
}
