namespace SecureReqs.Demo.Server;

/// <summary>An API key the demo server accepts, and the caller role its requests run as.</summary>
/// <param name="Key">The key; never printed (<see cref="ToString"/> names the role only).</param>
/// <param name="Role">The caller role: <c>customer</c>, <c>support-agent</c> or <c>admin</c> (the demo's tool policy roles).</param>
public sealed record DemoApiKey(string Key, string Role)
{
    /// <summary>The environment variable of the customer key of <c>securereqs demo serve</c>.</summary>
    public const string CustomerVariable = "SECUREREQS_DEMO_KEY";

    /// <summary>The environment variable of the support-agent key of <c>securereqs demo serve</c>.</summary>
    public const string AgentVariable = "SECUREREQS_DEMO_AGENT_KEY";

    /// <summary>The environment variable of the admin key of <c>securereqs demo serve</c>.</summary>
    public const string AdminVariable = "SECUREREQS_DEMO_ADMIN_KEY";

    /// <summary>The roles a key may have, with the environment variable <c>securereqs demo serve</c> reads each from.</summary>
    public static IReadOnlyList<(string Role, string Variable)> Roles { get; } =
        [("customer", CustomerVariable), ("support-agent", AgentVariable), ("admin", AdminVariable)];

    /// <summary>The clearance of the role: public for customers, internal for support agents, confidential for admins.</summary>
    public string Clearance => Role switch
    {
        "admin" => Classification.Confidential,
        "support-agent" => Classification.Internal,
        _ => Classification.Public,
    };

    /// <summary>The keys set in the environment, one per role whose variable is set.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The keys.</returns>
    public static IReadOnlyList<DemoApiKey> FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return [.. Roles.Where(r => !string.IsNullOrEmpty(environment(r.Variable))).Select(r => new DemoApiKey(environment(r.Variable)!, r.Role))];
    }

    /// <inheritdoc />
    public override string ToString() => $"the {Role} key";
}
