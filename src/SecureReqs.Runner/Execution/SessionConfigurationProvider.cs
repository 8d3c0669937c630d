using System.Reflection;
using Reqnroll.Configuration;

namespace SecureReqs.Runner;

/// <summary>Loads <c>reqnroll.json</c> (through the given locator) and adds the binding assemblies passed in code.</summary>
internal sealed class SessionConfigurationProvider(IReqnrollJsonLocator locator, Assembly testAssembly, IEnumerable<Assembly> bindingAssemblies)
    : IRuntimeConfigurationProvider
{
    public ReqnrollConfiguration LoadConfiguration(ReqnrollConfiguration reqnrollConfiguration)
    {
        var configuration = new ConfigurationLoader(locator).Load(reqnrollConfiguration);
        configuration.AdditionalStepAssemblies ??= [];
        foreach (var assembly in bindingAssemblies.Distinct())
        {
            var name = assembly.GetName().Name;
            if (name is null || assembly == testAssembly)
            {
                continue;
            }

            if (!configuration.AdditionalStepAssemblies.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                configuration.AdditionalStepAssemblies.Add(name);
            }
        }

        return configuration;
    }

    /// <summary>Reads the configuration a test assembly would run with, without starting the runtime (for discovery).</summary>
    public static ReqnrollConfiguration Read(Assembly testAssembly)
    {
        CultureSupport.EnsureNamedCultures();
        return new SessionConfigurationProvider(new TestAssemblyJsonLocator(testAssembly), testAssembly, [])
            .LoadConfiguration(ConfigurationLoader.GetDefault());
    }
}
