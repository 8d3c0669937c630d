namespace SecureReqs;

/// <summary>One turn of a case's conversation.</summary>
/// <param name="Role"><c>user</c> (sent to the target) or <c>assistant</c> (scripted history).</param>
/// <param name="Content">The text, with placeholders such as <c>{{pii.card}}</c>.</param>
public sealed record CaseTurn(string Role, string Content)
{
    /// <summary>Whether this turn carries the attack's payload (what mutators transform).</summary>
    public bool Payload { get; init; }

    /// <summary>Whether this turn is sent by the user.</summary>
    public bool IsUser => string.Equals(Role, "user", StringComparison.OrdinalIgnoreCase);
}
