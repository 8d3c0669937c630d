using SecureReqs.Guardrails;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="SystemPromptLeakFilterChatClient"/> to a chat client pipeline.</summary>
public static class ChatClientBuilderSystemPromptLeakFilterExtensions
{
    /// <summary>Blocks answers of the clients built after this call that reveal <paramref name="systemPrompt"/>.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="systemPrompt">The application's system prompt.</param>
    /// <param name="secrets">Values in it whose appearance proves a leak (its canary).</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseSystemPromptLeakFilter(this ChatClientBuilder builder, string systemPrompt, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(innerClient => new SystemPromptLeakFilterChatClient(innerClient, systemPrompt, secrets));
    }
}
