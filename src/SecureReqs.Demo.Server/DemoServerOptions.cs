namespace SecureReqs.Demo.Server;

/// <summary>What a <see cref="DemoServer"/> serves and how it is reached.</summary>
public sealed class DemoServerOptions
{
    /// <summary>The port the guarded build listens on by default.</summary>
    public const int GuardedPort = 5080;

    /// <summary>The port of the guarded build's plain-HTTP listener (which only redirects to HTTPS) for <c>securereqs demo serve</c>.</summary>
    public const int GuardedPlainHttpPort = 5079;

    /// <summary>The environment variable <c>samples/endpoint/securereqs.json</c> reads the guarded server's certificate SHA-256 from.</summary>
    public const string CertificateVariable = "SECUREREQS_DEMO_CERT_SHA256";

    /// <summary>The port the naive build listens on by default, so both builds can run at once.</summary>
    public const int NaivePort = 5081;

    /// <summary>The build served.</summary>
    /// <value>The default value is <see cref="DemoBuild.Guarded"/>.</value>
    public DemoBuild Build { get; set; } = DemoBuild.Guarded;

    /// <summary>The port on 127.0.0.1 (the server listens on this machine only); 0 for any free port.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; set; }

    /// <summary>
    /// Whether the server speaks HTTPS on <see cref="Port"/> (a self-signed certificate made in process for 127.0.0.1,
    /// trusted by clients through its SHA-256, <see cref="DemoServer.CertificateSha256"/>) and answers plain HTTP on
    /// <see cref="PlainHttpPort"/> only with a redirect to HTTPS.
    /// </summary>
    /// <value>The default value is false: plain HTTP on <see cref="Port"/>.</value>
    public bool Https { get; set; }

    /// <summary>With <see cref="Https"/>, the port of the plain-HTTP listener that redirects to HTTPS; 0 for any free port.</summary>
    /// <value>The default value is 0.</value>
    public int PlainHttpPort { get; set; }

    /// <summary>The requests a minute the guarded build accepts from one key unless the key says otherwise
    /// (<see cref="DemoApiKey.RequestsPerMinute"/>): flood protection well above what a story run sends.</summary>
    /// <value>The default value is 1,000,000.</value>
    public int RequestsPerMinute { get; set; } = 1_000_000;

    /// <summary>The API keys accepted, each with its caller role; at least one.</summary>
    public IReadOnlyList<DemoApiKey> Keys { get; set; } = [];

    /// <summary>Checks the options.</summary>
    /// <exception cref="SecureReqsException">No key, a key too short or given twice, an unknown role, or a port outside 0–65535.</exception>
    public void Validate()
    {
        if (PlainHttpPort is < 0 or > 65535 || RequestsPerMinute < 1 || Keys.Any(k => k.RequestsPerMinute is < 1))
        {
            throw new SecureReqsException($"The plain-HTTP port {PlainHttpPort} is outside 0–65535, or a rate limit is below 1 request a minute.");
        }

        if (Port is < 0 or > 65535)
        {
            throw new SecureReqsException($"The port {Port} is outside 0–65535. Give a free port, such as --port {GuardedPort}, or 0 for any free port.");
        }

        if (Keys.Count == 0)
        {
            throw new SecureReqsException($"The demo server needs at least one API key. Set {DemoApiKey.CustomerVariable} (a customer's key) before starting it, for example `export {DemoApiKey.CustomerVariable}=$(openssl rand -hex 16)`; {DemoApiKey.AgentVariable} and {DemoApiKey.AdminVariable} add a support agent's and an admin's.");
        }

        foreach (var key in Keys)
        {
            var variable = key.ReadOnly ? DemoApiKey.ReadOnlyVariable : key.RequestsPerMinute is not null ? DemoApiKey.TrialVariable : DemoApiKey.Roles.FirstOrDefault(r => r.Role == key.Role).Variable
                ?? throw new SecureReqsException($"Unknown caller role \"{key.Role}\". The demo's roles are {string.Join(", ", DemoApiKey.Roles.Select(r => r.Role))}.");
            if (key.Key.Length < 12 || key.Key.Any(char.IsWhiteSpace))
            {
                throw new SecureReqsException($"The {key.Role} key ({variable}) is shorter than 12 characters or holds spaces. Use a random one, for example `export {variable}=$(openssl rand -hex 16)`.");
            }
        }

        if (Keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != Keys.Count)
        {
            throw new SecureReqsException($"The same API key is given to two roles. Give each of {string.Join(", ", DemoApiKey.Roles.Select(r => r.Variable))} its own key.");
        }
    }
}
