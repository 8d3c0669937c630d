using SecureReqs;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="ToolRecordingChatClient"/> to a chat client pipeline.</summary>
public static class ChatClientBuilderToolRecordingExtensions
{
    /// <summary>
    /// Reports every tool invocation that runs inside this point of the pipeline to a SecureReqs run (white-box
    /// evidence for tool-policy stories). A no-op outside a run.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <remarks>Put it after (inside) the component that sets the tools, and before (outside) <c>UseToolPermissions</c> and <c>UseFunctionInvocation</c>.</remarks>
    public static ChatClientBuilder UseToolRecording(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new ToolRecordingChatClient(inner));
    }
}
