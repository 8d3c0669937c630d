namespace SecureReqs;

/// <summary>
/// Who is calling the application: the authenticated role and clearance, never what the conversation claims. Tool
/// policies decide by <see cref="Role"/>; retrieval decides by <see cref="Clearance"/>.
/// </summary>
/// <param name="Role">The role, such as <c>customer</c>; a role of the target's tool policy.</param>
/// <param name="Clearance">The highest classification the caller may see: <c>public</c>, <c>internal</c> or <c>confidential</c>.</param>
public sealed record CallerIdentity(string Role, string Clearance)
{
    /// <summary>The key under which an application may pass the caller in <c>ChatOptions.AdditionalProperties</c>.</summary>
    public const string PropertyName = "securereqs.caller";

    /// <summary>
    /// The authenticated user's id, for applications that keep per-user state (memory, personalisation); null when the
    /// request names no user. A memory-isolation case runs each of its synthetic users under an id of its own.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? User { get; init; }

    /// <summary>The caller when a case and its story name none: a customer with public clearance.</summary>
    public static CallerIdentity Default { get; } = new("customer", Classification.Public);

    /// <summary>
    /// The authenticated caller of a request: the one the application put in the options
    /// (<see cref="PropertyName"/>), else the caller of the SecureReqs run the request belongs to; null when neither.
    /// </summary>
    /// <param name="options">The request's options.</param>
    /// <returns>The caller, or null.</returns>
    public static CallerIdentity? Of(Microsoft.Extensions.AI.ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out CallerIdentity? caller) is true ? caller : SecurityEvidence.Caller;

    /// <inheritdoc />
    public override string ToString() => User is null ? $"{Role} ({Clearance} clearance)" : $"{Role} {User} ({Clearance} clearance)";
}
