namespace SecureReqs.Demo.Server;

/// <summary>An API key the demo server accepts, and the caller role its requests run as.</summary>
/// <param name="Key">The key; never printed (<see cref="ToString"/> names the role only).</param>
/// <param name="Role">The caller role: <c>customer</c>, <c>support-agent</c> or <c>admin</c> (the demo's tool policy roles).</param>
public sealed record DemoApiKey(string Key, string Role)
{
    /// <summary>The environment variable of the read-only customer key of <c>securereqs demo serve</c>.</summary>
    public const string ReadOnlyVariable = "SECUREREQS_DEMO_READONLY_KEY";

    /// <summary>The environment variable of the trial customer key of <c>securereqs demo serve</c>, limited to <see cref="TrialRequestsPerMinute"/>.</summary>
    public const string TrialVariable = "SECUREREQS_DEMO_TRIAL_KEY";

    /// <summary>The requests a minute a trial key may send to the guarded build.</summary>
    public const int TrialRequestsPerMinute = 20;

    /// <summary>Whether the key is read-only: the guarded build lets its requests run no tool and index no document.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The requests a minute the guarded build accepts from this key, or null for the server's limit
    /// (<see cref="DemoServerOptions.RequestsPerMinute"/>).</summary>
    public int? RequestsPerMinute { get; init; }

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
        return
        [
            .. Roles.Where(r => !string.IsNullOrEmpty(environment(r.Variable))).Select(r => new DemoApiKey(environment(r.Variable)!, r.Role)),
            .. environment(ReadOnlyVariable) is { Length: > 0 } readOnly ? [new DemoApiKey(readOnly, "customer") { ReadOnly = true }] : Array.Empty<DemoApiKey>(),
            .. environment(TrialVariable) is { Length: > 0 } trial ? [new DemoApiKey(trial, "customer") { RequestsPerMinute = TrialRequestsPerMinute }] : Array.Empty<DemoApiKey>(),
        ];
    }

    /// <inheritdoc />
    public override string ToString() => ReadOnly ? $"the read-only {Role} key" : RequestsPerMinute is not null ? $"the trial {Role} key" : $"the {Role} key";
}
