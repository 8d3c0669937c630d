using SecureReqs.Guardrails;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="FieldTokenizingChatClient"/> to a chat client pipeline.</summary>
public static class ChatClientBuilderFieldTokenizationExtensions
{
    /// <summary>
    /// Replaces the values of classified fields (and, when configured, of named fields and PII types) by reversible
    /// tokens before a request reaches the clients built after this call (see <see cref="FieldTokenizingChatClient"/>).
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="configure">Configures the middleware, for example its <see cref="FieldTokenizingChatClient.ProtectedLabels"/>.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <remarks>Put it late (inner), after retrieval and function invocation, so that it sees every retrieved record and
    /// tool result right before the model does.</remarks>
    public static ChatClientBuilder UseFieldTokenization(this ChatClientBuilder builder, Action<FieldTokenizingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(innerClient =>
        {
            var client = new FieldTokenizingChatClient(innerClient);
            configure?.Invoke(client);
            return client;
        });
    }
}
