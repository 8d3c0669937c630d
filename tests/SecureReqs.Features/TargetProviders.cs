using Reqnroll;
using SecureReqs.Demo;
using SecureReqs.Endpoints;

namespace SecureReqs.Features;

/// <summary>
/// Plugs the targets the stories name into the bindings, once, before any story runs: the built-in demo
/// (<c>SecureReqs.Demo</c>) and the targets of the <c>securereqs.json</c> named by <c>SECUREREQS_CONFIG</c>
/// (<c>SecureReqs.Endpoints</c>). A user's test project does the same with the packages it references.
/// </summary>
[Binding]
public static class TargetProviders
{
    /// <summary>Registers the demo and configured targets.</summary>
    [BeforeTestRun]
    public static void Register() => TargetRegistry.Shared
        .AddProvider(DemoTargets.Provider)
        .AddProvider(EndpointTargets.FromEnvironment());
}
