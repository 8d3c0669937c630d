using SecureReqs;
using SecureReqs.Guardrails;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="ToolPermissionsChatClient"/> to a chat client pipeline.</summary>
public static class ChatClientBuilderToolPermissionsExtensions
{
    /// <summary>Enforces <paramref name="policy"/> on the tools the clients built after this call may offer and run (see <see cref="ToolPermissionsChatClient"/>).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="policy">The tool policy.</param>
    /// <param name="configure">Configures the middleware, for example its <see cref="ToolPermissionsChatClient.CallerResolver"/>.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <remarks>Put it before (outside) <c>UseFunctionInvocation</c>, and after (inside) the component that sets the tools.</remarks>
    public static ChatClientBuilder UseToolPermissions(this ChatClientBuilder builder, ToolPolicy policy, Action<ToolPermissionsChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        return builder.Use(innerClient =>
        {
            var client = new ToolPermissionsChatClient(innerClient, policy);
            configure?.Invoke(client);
            return client;
        });
    }
}
