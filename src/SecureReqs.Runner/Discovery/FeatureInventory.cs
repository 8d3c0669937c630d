using System.Globalization;

namespace SecureReqs.Runner;

/// <summary>Lists the scenarios of a folder of <c>.feature</c> files without running them: where each is and its tags.</summary>
/// <remarks>Thread-safe. Parses share the runner's per-file cache.</remarks>
public static class FeatureInventory
{
    /// <summary>Reads every <c>*.feature</c> file under <paramref name="featuresDirectory"/> (recursive).</summary>
    /// <param name="featuresDirectory">The folder.</param>
    /// <returns>The scenarios in file and document order, and one error per file with a Gherkin syntax error.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static FeatureInventoryResult Read(string featuresDirectory)
    {
        if (!Directory.Exists(featuresDirectory))
        {
            throw new DirectoryNotFoundException($"The features folder '{Path.GetFullPath(featuresDirectory)}' does not exist.");
        }

        var files = FeatureCatalog.LoadDirectory(featuresDirectory, featuresDirectory, CultureInfo.GetCultureInfo("en-US"));
        return new FeatureInventoryResult(
            [.. files.SelectMany(f => f.Scenarios).Select(s => new FeatureScenarioInfo(s.Feature.RelativePath, s.Line, s.Feature.Name, s.Name, s.Example, s.Tags))],
            [.. files.Where(f => f.IsBroken).Select(f => f.Error!)]);
    }
}
