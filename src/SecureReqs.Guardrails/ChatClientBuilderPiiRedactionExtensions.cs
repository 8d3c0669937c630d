using SecureReqs.Guardrails;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="PiiRedactingChatClient"/> to a chat client pipeline.</summary>
public static class ChatClientBuilderPiiRedactionExtensions
{
    /// <summary>Masks PII and secrets in the answers of the clients built after this call (see <see cref="PiiRedactingChatClient"/>).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="configure">Configures the middleware, for example its <see cref="PiiRedactingChatClient.Scanner"/>.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <remarks>Put it outermost (first) so that it sees the final answer, after function invocation and caching.</remarks>
    public static ChatClientBuilder UsePiiRedaction(this ChatClientBuilder builder, Action<PiiRedactingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(innerClient =>
        {
            var client = new PiiRedactingChatClient(innerClient);
            configure?.Invoke(client);
            return client;
        });
    }
}
