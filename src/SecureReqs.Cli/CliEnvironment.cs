namespace SecureReqs.Cli;

/// <summary>
/// What the command reads from its surroundings besides its arguments: environment variables (<c>CI</c>,
/// <c>GITHUB_STEP_SUMMARY</c>) and whether standard error is an interactive terminal. Tests pass their own.
/// </summary>
public sealed class CliEnvironment
{
    private readonly Func<string, string?> _variables;

    /// <summary>Creates an environment.</summary>
    /// <param name="variables">The environment variables, or null for none.</param>
    /// <param name="isInteractive">Whether standard error is a terminal a person watches.</param>
    public CliEnvironment(IReadOnlyDictionary<string, string>? variables = null, bool isInteractive = false)
        : this(name => variables?.GetValueOrDefault(name), isInteractive)
    {
    }

    private CliEnvironment(Func<string, string?> variables, bool isInteractive)
    {
        _variables = variables;
        IsInteractive = isInteractive && string.IsNullOrEmpty(variables("CI"));
    }

    /// <summary>Whether standard error is an interactive terminal outside CI: live progress is shown there, plain lines otherwise.</summary>
    public bool IsInteractive { get; }

    /// <summary>Standard input, where <c>securereqs init</c> reads the answers to its questions.</summary>
    /// <value>The default value is an empty reader.</value>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>The process's environment, interactive when <paramref name="error"/> is the console's standard error
    /// and it is not redirected.</summary>
    /// <param name="error">The writer the command writes errors and progress to.</param>
    /// <returns>The environment.</returns>
    public static CliEnvironment FromProcess(TextWriter error) =>
        new(Environment.GetEnvironmentVariable, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected) { Input = Console.In };

    /// <summary>Reads an environment variable.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value, or null when unset or empty.</returns>
    public string? Get(string name) => _variables(name) is { Length: > 0 } value ? value : null;
}
