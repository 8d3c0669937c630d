namespace SecureReqs.Demo.Server;

/// <summary>What a <see cref="DemoServer"/> serves and how it is reached.</summary>
public sealed class DemoServerOptions
{
    /// <summary>The port the guarded build listens on by default.</summary>
    public const int GuardedPort = 5080;

    /// <summary>The port the naive build listens on by default, so both builds can run at once.</summary>
    public const int NaivePort = 5081;

    /// <summary>The build served.</summary>
    /// <value>The default value is <see cref="DemoBuild.Guarded"/>.</value>
    public DemoBuild Build { get; set; } = DemoBuild.Guarded;

    /// <summary>The port on 127.0.0.1 (the server listens on this machine only); 0 for any free port.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; set; }

    /// <summary>The API keys accepted, each with its caller role; at least one.</summary>
    public IReadOnlyList<DemoApiKey> Keys { get; set; } = [];

    /// <summary>Checks the options.</summary>
    /// <exception cref="SecureReqsException">No key, a key too short or given twice, an unknown role, or a port outside 0–65535.</exception>
    public void Validate()
    {
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
            var variable = DemoApiKey.Roles.FirstOrDefault(r => r.Role == key.Role).Variable
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
