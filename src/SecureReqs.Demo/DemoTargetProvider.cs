namespace SecureReqs.Demo;

/// <summary>
/// Plugs the built-in demo targets (<c>demo:naive</c>, <c>demo:guarded</c>, <c>demo:paraphrasing</c>) into a
/// <see cref="TargetRegistry"/>: <c>TargetRegistry.Shared.AddProvider(DemoTargets.Provider)</c>. Targets of the same
/// names registered in code win.
/// </summary>
/// <remarks>Thread-safe and stateless.</remarks>
public sealed class DemoTargetProvider : ITargetProvider
{
    /// <summary>The package name: <c>SecureReqs.Demo</c>.</summary>
    public const string PackageName = "SecureReqs.Demo";

    internal DemoTargetProvider()
    {
    }

    /// <inheritdoc/>
    public string Package => PackageName;

    /// <inheritdoc/>
    public void AddTargets(TargetRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        DemoTargets.AddTo(registry);
    }
}
