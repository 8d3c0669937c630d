using System.Reflection;
using Reqnroll.Configuration;

namespace SecureReqs.Runner;

/// <summary>Finds <c>reqnroll.json</c> next to the test assembly rather than in the process's base or current directory.</summary>
/// <remarks>The command-line host loads the test assembly from elsewhere; its configuration belongs to it, not to
/// whichever folder the command runs in. An assembly without a file location falls back to Reqnroll's own lookup.</remarks>
internal sealed class TestAssemblyJsonLocator(Assembly testAssembly) : IReqnrollJsonLocator
{
    public string? GetReqnrollJsonFilePath()
    {
        var location = testAssembly.IsDynamic ? "" : testAssembly.Location;
        if (location.Length == 0)
        {
            return new ReqnrollJsonLocator().GetReqnrollJsonFilePath();
        }

        var candidate = Path.Combine(Path.GetDirectoryName(location) ?? "", ReqnrollJsonLocator.JsonConfigurationFileName);
        return File.Exists(candidate) ? candidate : null;
    }
}
