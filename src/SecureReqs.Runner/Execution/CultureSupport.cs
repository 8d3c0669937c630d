using System.Globalization;

namespace SecureReqs.Runner;

/// <summary>Checks that the process can create named cultures, which Reqnroll needs for its defaults.</summary>
/// <remarks>Reqnroll 3.3.4's default configuration calls <c>CultureInfo.GetCultureInfo("en-US")</c>, which throws in
/// globalization-invariant mode unless predefined cultures are relaxed.</remarks>
internal static class CultureSupport
{
    public static void EnsureNamedCultures()
    {
        try
        {
            _ = CultureInfo.GetCultureInfo("en-US");
        }
        catch (CultureNotFoundException ex)
        {
            throw new InvalidOperationException(
                "Reqnroll needs named cultures, but this process runs in globalization-invariant mode with predefined cultures only. " +
                "Add <PredefinedCulturesOnly>false</PredefinedCulturesOnly> (or <InvariantGlobalization>false</InvariantGlobalization>) " +
                "to the project that builds the test or command-line executable.",
                ex);
        }
    }
}
