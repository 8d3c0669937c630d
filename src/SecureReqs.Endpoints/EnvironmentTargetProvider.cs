using System.Collections.Concurrent;

namespace SecureReqs.Endpoints;

/// <summary>
/// Plugs the targets and semantic judges of a <c>securereqs.json</c> into a <see cref="TargetRegistry"/> under
/// <c>dotnet test</c>: the file named by <c>SECUREREQS_CONFIG</c>, else <c>securereqs.json</c> in the current folder,
/// if there is one; the response cache folder from <c>SECUREREQS_CACHE_DIR</c>, turned off by <c>SECUREREQS_NO_CACHE</c>.
/// Register it before the stories run: <c>TargetRegistry.Shared.AddProvider(EndpointTargets.FromEnvironment());</c>
/// </summary>
/// <remarks>
/// Thread-safe. The file is read when a story first names a target, so a malformed file fails that story's step with
/// the file, line and fix. Every provider of a process that reads the same file with the same cache settings shares one
/// <see cref="EndpointTargets"/>: its connections, rate and concurrency limits hold across every scenario.
/// </remarks>
public sealed class EnvironmentTargetProvider : ITargetProvider
{
    /// <summary>The environment variable naming the response cache folder for configured targets.</summary>
    public const string CacheDirectoryVariable = "SECUREREQS_CACHE_DIR";

    /// <summary>The environment variable that turns the response cache off when set to <c>1</c> or <c>true</c>.</summary>
    public const string NoCacheVariable = "SECUREREQS_NO_CACHE";

    /// <summary>The package name: <c>SecureReqs.Endpoints</c>.</summary>
    public const string PackageName = "SecureReqs.Endpoints";

    private static readonly ConcurrentDictionary<string, Lazy<EndpointTargets>> Loaded = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _environment;

    internal EnvironmentTargetProvider(TimeProvider? time, Func<string, string?>? environment)
    {
        _time = time ?? TimeProvider.System;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <inheritdoc/>
    public string Package => PackageName;

    /// <summary>The targets of the file found now, or null when there is no <c>securereqs.json</c>.</summary>
    /// <returns>The targets.</returns>
    /// <exception cref="SecureReqsException"><c>SECUREREQS_CONFIG</c> names a missing file, or the file is malformed or invalid.</exception>
    public EndpointTargets? Load()
    {
        var path = SecureReqsConfiguration.Find(null, Directory.GetCurrentDirectory(), _environment);
        if (path is null)
        {
            return null;
        }

        var cacheDirectory = _environment(CacheDirectoryVariable) is { Length: > 0 } dir ? Path.GetFullPath(dir) : null;
        var noCache = _environment(NoCacheVariable) is "1" or "true" or "TRUE" or "True";
        var time = _time;
        var environment = _environment;
        return Loaded.GetOrAdd(
            $"{path}|{cacheDirectory}|{noCache}",
            _ => new Lazy<EndpointTargets>(() => EndpointTargets.Create(SecureReqsConfiguration.Load(path), new EndpointTargetSettings { CacheDirectory = cacheDirectory, UseCache = !noCache, TimeProvider = time, GetEnvironmentVariable = environment }))).Value;
    }

    /// <inheritdoc/>
    public void AddTargets(TargetRegistry registry) => Load()?.AddTo(registry);

    /// <inheritdoc/>
    public void AddSemanticJudges(SemanticJudgeRegistry registry) => Load()?.AddJudgesTo(registry);
}
