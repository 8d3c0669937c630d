using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

namespace SecureReqs.Runner;

/// <summary>Registers the host's unit test provider and the host's own objects with Reqnroll.</summary>
/// <remarks>Initialized from code by <see cref="RunnerContainerBuilder"/>, so no <c>[assembly: RuntimePlugin]</c> is
/// needed in user assemblies.</remarks>
internal sealed class RunnerRuntimePlugin(SessionOptions options) : IRuntimePlugin
{
    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        unitTestProviderConfiguration.UseUnitTestProvider(HostUnitTestRuntimeProvider.Name);
        runtimePluginEvents.RegisterGlobalDependencies += (_, args) =>
            args.ObjectContainer.RegisterInstanceAs<IUnitTestRuntimeProvider>(
                new HostUnitTestRuntimeProvider(options.Behavior), HostUnitTestRuntimeProvider.Name);
        runtimePluginEvents.CustomizeGlobalDependencies += (_, args) =>
            options.ConfigureGlobalContainer?.Invoke(args.ObjectContainer);
    }
}
