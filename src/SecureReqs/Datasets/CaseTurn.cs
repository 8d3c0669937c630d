namespace SecureReqs;

/// <summary>One turn of a case's conversation.</summary>
/// <param name="Role"><c>user</c> (sent to the target) or <c>assistant</c> (scripted history).</param>
/// <param name="Content">The text, with placeholders such as <c>{{pii.card}}</c>.</param>
public sealed record CaseTurn(string Role, string Content)
{
    /// <summary>Whether this turn carries the attack's payload (what mutators transform).</summary>
    public bool Payload { get; init; }

    /// <summary>
    /// The synthetic user who sends the turn (a short name such as <c>a</c> or <c>b</c>), or null for the case's caller.
    /// A turn from another user than the turn before starts a new conversation, run as that user (memory stories).
    /// </summary>
    public string? User { get; init; }

    /// <summary>Whether this turn starts a new conversation (no history from the turns before), as a new session would.</summary>
    public bool NewConversation { get; init; }

    /// <summary>Whether this turn is sent by the user.</summary>
    public bool IsUser => string.Equals(Role, "user", StringComparison.OrdinalIgnoreCase);
}
