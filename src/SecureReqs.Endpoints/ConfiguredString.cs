namespace SecureReqs.Endpoints;

/// <summary>
/// A string from <c>securereqs.json</c>: a literal, or <c>env:NAME</c>, read from the environment variable NAME when the
/// target is first used. Values read from the environment are secrets: they never appear in output, logs or reports.
/// </summary>
/// <param name="Literal">The literal value, or null.</param>
/// <param name="Variable">The environment variable's name, or null.</param>
/// <param name="Source">Where the value is written, "file:line:column: $.path", for messages.</param>
public sealed record ConfiguredString(string? Literal, string? Variable, string Source)
{
    /// <summary>The prefix that names an environment variable.</summary>
    public const string EnvironmentPrefix = "env:";

    /// <summary>Whether the value comes from an environment variable.</summary>
    public bool IsSecret => Variable is not null;

    /// <summary>The value.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SecureReqsException">The environment variable is not set; the message names it, never a value.</exception>
    public string Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Variable is null)
        {
            return Literal ?? "";
        }

        return environment(Variable) is { Length: > 0 } value
            ? value
            : throw new SecureReqsException($"{Source}: the environment variable {Variable} is not set. Set it to the value (for example `export {Variable}=...` in the shell or a secret variable in CI) before running, or remove the setting.");
    }

    /// <inheritdoc />
    public override string ToString() => Variable is null ? Literal ?? "" : EnvironmentPrefix + Variable;
}
