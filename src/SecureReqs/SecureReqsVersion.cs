using System.Reflection;

namespace SecureReqs;

/// <summary>The SecureReqs version and the git commit it was built from, for reports and evidence.</summary>
/// <remarks>
/// Read once from the <see cref="AssemblyInformationalVersionAttribute"/> of this assembly, which the build writes as
/// <c>&lt;version&gt;+&lt;commit&gt;</c> (see <c>Directory.Build.props</c>): the commit is the full SHA-1 of
/// <c>HEAD</c> when built inside a git checkout, and <see cref="UnknownCommit"/> when it was built without one.
/// Thread-safe.
/// </remarks>
public static class SecureReqsVersion
{
    /// <summary>The value of <see cref="Commit"/> when the build did not know the commit.</summary>
    public const string UnknownCommit = "unknown";

    private static readonly (string Informational, string Version, string Commit) s_current = Read();

    /// <summary>Gets the informational version as built, such as <c>1.0.0+3f2a9c0d…</c>.</summary>
    public static string Informational => s_current.Informational;

    /// <summary>Gets the version without build metadata, such as <c>1.0.0</c>.</summary>
    public static string Version => s_current.Version;

    /// <summary>Gets the git commit the assembly was built from: 40 lowercase hex digits, or <see cref="UnknownCommit"/>.</summary>
    public static string Commit => s_current.Commit;

    /// <summary>Splits an informational version into the version and the commit.</summary>
    /// <param name="informationalVersion">Such as <c>1.2.0-beta.1+3f2a…</c>; null or empty when the attribute is missing.</param>
    /// <param name="fallbackVersion">The version to use when <paramref name="informationalVersion"/> has none.</param>
    /// <returns>The version (never empty) and the commit (40 lowercase hex digits, or <see cref="UnknownCommit"/>).</returns>
    internal static (string Version, string Commit) Parse(string? informationalVersion, string fallbackVersion)
    {
        var text = informationalVersion?.Trim() ?? "";
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? text : text[..plus];
        var metadata = plus < 0 ? "" : text[(plus + 1)..];

        // The SDK appends ".<commit>" when the version already carried build metadata, so any dot-separated part may be it.
        var commit = metadata.Split('.').LastOrDefault(IsCommit)?.ToLowerInvariant() ?? UnknownCommit;
        return (version.Length > 0 ? version : fallbackVersion, commit);
    }

    private static (string Informational, string Version, string Commit) Read()
    {
        var assembly = typeof(SecureReqsVersion).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var fallback = assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var (version, commit) = Parse(informational, fallback);
        return (string.IsNullOrWhiteSpace(informational) ? $"{version}+{commit}" : informational.Trim(), version, commit);
    }

    private static bool IsCommit(string part) => part.Length == 40 && part.All(char.IsAsciiHexDigit);
}
