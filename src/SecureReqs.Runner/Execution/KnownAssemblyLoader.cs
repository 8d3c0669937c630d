using System.Reflection;
using Reqnroll.Infrastructure;

namespace SecureReqs.Runner;

/// <summary>Resolves binding assembly names to the assemblies the host already loaded, then falls back to <see cref="Assembly.Load(string)"/>.</summary>
/// <remarks>A command-line host loads binding assemblies from a path; loading them again by name could fail or yield a
/// second copy whose bindings Reqnroll would not match.</remarks>
internal sealed class KnownAssemblyLoader(IReadOnlyCollection<Assembly> knownAssemblies) : IBindingAssemblyLoader
{
    public Assembly Load(string assemblyName)
    {
        var requested = new AssemblyName(assemblyName);
        return knownAssemblies.FirstOrDefault(known => string.Equals(known.GetName().Name, requested.Name, StringComparison.OrdinalIgnoreCase))
            ?? Assembly.Load(assemblyName);
    }
}
