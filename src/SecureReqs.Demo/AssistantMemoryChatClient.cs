using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace SecureReqs.Demo;

/// <summary>
/// The demo application's memory step (personalisation): for a signed-in user (<see cref="CallerIdentity.User"/>), a
/// request to remember something is kept in the memory and acknowledged; any other request is sent on with the facts the
/// memory recalls for it, as labelled context before the request. Requests with no user are sent on untouched.
/// </summary>
/// <remarks>Thread-safe if the memory is.</remarks>
/// <param name="innerClient">The rest of the pipeline.</param>
/// <param name="memory">The memory (recorded, and scoped to the user in the guarded build).</param>
public sealed partial class AssistantMemoryChatClient(IChatClient innerClient, IAssistantMemory memory) : DelegatingChatClient(innerClient)
{
    /// <summary>The context kind of recalled facts.</summary>
    public const string ContextKind = "memory";

    /// <summary>The answer to a request to remember something.</summary>
    public const string Acknowledgement = "Noted: I'll remember that for our next conversation.";

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> request = [.. messages];
        var (user, last) = Find(request, options);
        if (user is null || last < 0)
        {
            return await base.GetResponseAsync(request, options, cancellationToken).ConfigureAwait(false);
        }

        var text = request[last].Text;
        // A request that starts "remember ...", "keep in mind ..." is kept; a question about what was remembered is not.
        if (RememberRequest().IsMatch(text) && !text.TrimEnd().EndsWith('?'))
        {
            await memory.RememberAsync(user, text.Trim(), cancellationToken).ConfigureAwait(false);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, Acknowledgement)) { FinishReason = ChatFinishReason.Stop, ModelId = "securereqs-demo-simulation" };
        }

        var facts = await memory.RecallAsync(user, text, cancellationToken).ConfigureAwait(false);
        if (facts.Count == 0)
        {
            return await base.GetResponseAsync(request, options, cancellationToken).ConfigureAwait(false);
        }

        var notes = new ChatMessage(
            ChatRole.User,
            CaseInstantiator.ContextHeader(new CaseContextItem(ContextKind, "Notes from earlier conversations", Classification.Confidential, "")) + string.Join("\n", facts.Select(f => "- " + f.Text)))
        {
            AdditionalProperties = new() { [CaseInstantiator.ContextKindProperty] = ContextKind, [CaseInstantiator.ContextLabelProperty] = Classification.Confidential },
        };
        List<ChatMessage> augmented = [.. request.Take(last), notes, .. request.Skip(last)];
        return await base.GetResponseAsync(augmented, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    // The signed-in user and the index of the request's last user message (not context).
    private static (string? User, int Last) Find(IReadOnlyList<ChatMessage> request, ChatOptions? options)
    {
        var user = CallerIdentity.Of(options)?.User;
        for (var i = request.Count - 1; i >= 0; i--)
        {
            if (request[i].Role == ChatRole.User && request[i].AdditionalProperties?.ContainsKey(CaseInstantiator.ContextKindProperty) != true)
            {
                return (string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(request[i].Text) ? null : user, i);
            }
        }

        return (null, -1);
    }

    [GeneratedRegex(@"(?i)^\W*(?:(?:hi|hello|hey)\W+)?(?:please\s+)?(?:remember|keep in mind|make a note|note (?:that|down)|save (?:this|that)|don't forget|do not forget)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RememberRequest();
}
