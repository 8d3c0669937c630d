using SecureReqs;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="ModelRequestRecordingChatClient"/> to a chat client pipeline.</summary>
public static class ChatClientBuilderModelRequestRecordingExtensions
{
    /// <summary>
    /// Reports every request that reaches the model to a SecureReqs run (white-box evidence for data-minimisation
    /// stories: "no request to the model contains a social security number"). A no-op outside a run.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <remarks>Put it last (innermost), directly around the model client, so it records what the model receives after
    /// every control of the pipeline.</remarks>
    public static ChatClientBuilder UseModelRequestRecording(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new ModelRequestRecordingChatClient(inner));
    }
}
