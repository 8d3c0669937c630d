using System.Reflection;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace SecureReqs.Runner;

/// <summary>Reqnroll's container builder with the runner's configuration, trace output, binding assemblies and plugin.</summary>
internal sealed class RunnerContainerBuilder(SessionOptions options) : ContainerBuilder
{
    private readonly TestAssemblyJsonLocator _locator = new(options.TestAssembly);

    public override IObjectContainer CreateGlobalContainer(Assembly testAssembly, IRuntimeConfigurationProvider? configurationProvider = null) =>
        base.CreateGlobalContainer(
            testAssembly,
            configurationProvider ?? new SessionConfigurationProvider(_locator, testAssembly, options.BindingAssemblies));

    protected override void RegisterDefaults(ObjectContainer container)
    {
        base.RegisterDefaults(container);
        container.RegisterInstanceAs<IReqnrollJsonLocator>(_locator);
        container.RegisterInstanceAs<ITraceListener>(new SinkTraceListener(options.Output));
        container.RegisterInstanceAs<IBindingAssemblyLoader>(new KnownAssemblyLoader(options.BindingAssemblies));
        if (options.Reports is { } reports)
        {
            container.RegisterInstanceAs(reports);
            container.RegisterTypeAs<ReportsConfigurationResolver, IFileBasedConfigurationResolver>();
        }
    }

    protected override void LoadPlugins(
        IRuntimeConfigurationProvider configurationProvider,
        ObjectContainer container,
        RuntimePluginEvents runtimePluginEvents,
        ReqnrollConfiguration reqnrollConfiguration,
        UnitTestProviderConfiguration unitTestProviderConfigration,
        Assembly testAssembly)
    {
        new RunnerRuntimePlugin(options).Initialize(runtimePluginEvents, new RuntimePluginParameters(), unitTestProviderConfigration);
        base.LoadPlugins(configurationProvider, container, runtimePluginEvents, reqnrollConfiguration, unitTestProviderConfigration, testAssembly);
    }
}
