namespace SecureReqs.Endpoints;

/// <summary>
/// The contents of <c>securereqs.json</c>: the targets stories can name beyond those registered in code, and where the
/// response cache lives. Format: docs/configuration.md; JSON schema: docs/securereqs.schema.json.
/// </summary>
public sealed class SecureReqsConfiguration
{
    /// <summary>The file name looked for in the current folder.</summary>
    public const string FileName = "securereqs.json";

    /// <summary>The environment variable naming the configuration file (used when no <c>--config</c> is given, and by <c>dotnet test</c>).</summary>
    public const string EnvironmentVariable = "SECUREREQS_CONFIG";

    /// <summary>The file, as a full path.</summary>
    public required string FilePath { get; init; }

    /// <summary>The semantic judges declared under <c>judges</c>, in file order.</summary>
    public IReadOnlyList<SemanticJudgeDefinition> Judges { get; init; } = [];

    /// <summary>The Model Context Protocol servers declared under <c>mcpServers</c>, in file order.</summary>
    public IReadOnlyList<McpServerDeclaration> McpServers { get; init; } = [];

    /// <summary>The targets, in file order.</summary>
    public required IReadOnlyList<EndpointTargetOptions> Targets { get; init; }

    /// <summary>The response cache folder the file asks for (relative paths resolved against the file's folder), or null for the default.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The default cache folder for this file: <c>.securereqs/cache</c> beside it, unless the file names one.</summary>
    public string DefaultCacheDirectory => CacheDirectory ?? DiskResponseCache.DefaultDirectory(Path.GetDirectoryName(FilePath)!);

    /// <summary>
    /// Finds the configuration file: <paramref name="explicitPath"/> when given (it must exist), else the file named by
    /// <c>SECUREREQS_CONFIG</c> (it must exist), else <c>securereqs.json</c> in <paramref name="directory"/> when there is one.
    /// </summary>
    /// <param name="explicitPath">A path the user gave (<c>--config</c>), or null.</param>
    /// <param name="directory">The folder to look in, usually the current one.</param>
    /// <param name="environment">Reads an environment variable, or null for the process environment.</param>
    /// <returns>The full path, or null when there is no configuration.</returns>
    /// <exception cref="SecureReqsException">A named file does not exist.</exception>
    public static string? Find(string? explicitPath, string directory, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return File.Exists(explicitPath)
                ? Path.GetFullPath(explicitPath)
                : throw new SecureReqsException($"The configuration file {Path.GetFullPath(explicitPath)} does not exist. Pass the path of your securereqs.json (see docs/configuration.md).");
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return File.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new SecureReqsException($"{EnvironmentVariable} names {Path.GetFullPath(fromEnvironment)}, which does not exist. Point it at your securereqs.json or unset it.");
        }

        var local = Path.Combine(directory, FileName);
        return File.Exists(local) ? Path.GetFullPath(local) : null;
    }

    /// <summary>Reads and checks a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="SecureReqsException">The file is missing, malformed or invalid: the message names the file, line, column, JSON path and fix.</exception>
    public static SecureReqsConfiguration Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new SecureReqsException($"The configuration file {full} does not exist.");
        }

        return Parse(File.ReadAllBytes(full), full);
    }

    /// <summary>Reads and checks configuration text.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="path">The file's path, for messages and relative paths.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="SecureReqsException">The text is malformed or invalid.</exception>
    public static SecureReqsConfiguration Parse(byte[] utf8, string path)
    {
        var full = Path.GetFullPath(path);
        using var source = JsonSource.Parse(full, utf8);
        return new ConfigurationReader(source, Path.GetDirectoryName(full)!).Read();
    }
}
