namespace SecureReqs;

/// <summary>One message of a request that reached the model, as <see cref="ModelRequestRecordingChatClient"/> saw it.</summary>
/// <param name="Role">The message's role, such as <c>user</c>, <c>system</c> or <c>tool</c>.</param>
/// <param name="Text">The text the model receives (text contents and function results, <see cref="MessageText.Of"/>).</param>
/// <param name="ContextKind">The context kind the application attached (<see cref="CaseInstantiator.ContextKindProperty"/>),
/// such as <c>record</c> or <c>document</c>; null for a message that is not retrieved or received content.</param>
/// <param name="Label">The classification label the application attached (<see cref="CaseInstantiator.ContextLabelProperty"/>), or null.</param>
/// <remarks>Security contract: <see cref="Text"/> is raw (it is what the judges read); evidence built from it is masked
/// and never prints it whole.</remarks>
public sealed record ModelMessageRecord(string Role, string Text, string? ContextKind, string? Label)
{
    /// <summary>The message in words for evidence, without its text, such as <c>user message</c> or <c>record, confidential</c>.</summary>
    /// <returns>The description.</returns>
    public string Describe() =>
        ContextKind is { } kind
            ? $"{kind.Replace('-', ' ')}{(Label is null ? "" : $", {Label}")}"
            : $"{Role} message";
}
