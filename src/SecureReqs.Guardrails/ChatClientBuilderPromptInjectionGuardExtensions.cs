using SecureReqs.Guardrails;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="PromptInjectionGuardChatClient"/> to a chat client pipeline.</summary>
public static class ChatClientBuilderPromptInjectionGuardExtensions
{
    /// <summary>Screens user turns and untrusted context for prompt injections before the clients built after this call see them (see <see cref="PromptInjectionGuardChatClient"/>).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="configure">Configures the middleware, for example its <see cref="PromptInjectionGuardChatClient.Mode"/>.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <remarks>
    /// Put it before (inside) function invocation so that it also screens the function results that come back into the
    /// conversation, and after (outside) any component that adds retrieved context to the messages.
    /// </remarks>
    public static ChatClientBuilder UsePromptInjectionGuard(this ChatClientBuilder builder, Action<PromptInjectionGuardChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(innerClient =>
        {
            var client = new PromptInjectionGuardChatClient(innerClient);
            configure?.Invoke(client);
            return client;
        });
    }
}
