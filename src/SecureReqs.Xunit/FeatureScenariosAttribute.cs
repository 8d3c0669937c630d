using System.Globalization;
using System.Reflection;
using SecureReqs.Runner;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace SecureReqs.Xunit;

/// <summary>Supplies one theory row per Scenario and per Scenario Outline example row of the <c>.feature</c> files in a
/// folder (recursive), for a theory that calls <see cref="FeatureScenarios.RunAsync(string)"/>.</summary>
/// <remarks>
/// <para>Each row is named <c>Feature: Scenario [example]</c>, carries the scenario's tags (without <c>@</c>, Feature,
/// Rule and Examples tags included) as <c>Category</c> traits so <c>dotnet test --filter Category=owasp:LLM02</c>
/// works, and is skipped when tagged <c>@ignore</c>. A file with a Gherkin syntax error becomes one failing row;
/// the other files still run.</para>
/// <para>The folder is relative to the test assembly's output folder, or to the first parent folder that contains it.
/// Copy feature files to the output (<c>&lt;Content Include="features\**\*.feature" CopyToOutputDirectory="PreserveNewest" /&gt;</c>)
/// or point at a folder next to the project.</para>
/// <para>Scenarios of one test class run one after another; different test classes run in parallel. Use one class
/// per features folder where a folder's scenarios are slow.</para>
/// </remarks>
/// <param name="featuresDirectory">The features folder.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FeatureScenariosAttribute(string featuresDirectory) : DataAttribute
{
    /// <summary>The trait that carries the scenario's tags.</summary>
    public const string CategoryTrait = "Category";

    /// <summary>Gets the features folder as given.</summary>
    public string FeaturesDirectory { get; } = featuresDirectory;

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var testAssembly = testMethod.DeclaringType?.Assembly ?? testMethod.Module.Assembly;
        var language = SessionConfigurationProvider.Read(testAssembly).FeatureLanguage ?? CultureInfo.GetCultureInfo("en-US");
        return new(GetRows(FeaturesDirectory, language));
    }

    /// <inheritdoc/>
    public override bool SupportsDiscoveryEnumeration() => true;

    internal static IReadOnlyCollection<ITheoryDataRow> GetRows(string featuresDirectory, CultureInfo language)
    {
        if (FeaturePaths.Resolve(featuresDirectory) is not { } root)
        {
            return [new TheoryDataRow<string>(ScenarioId.ForMissingFolder(featuresDirectory))
            {
                TestDisplayName = $"{featuresDirectory}: features folder not found",
            }];
        }

        var rows = new List<ITheoryDataRow>();
        foreach (var file in FeatureCatalog.LoadDirectory(root, featuresDirectory, language))
        {
            if (file.IsBroken)
            {
                rows.Add(new TheoryDataRow<string>(ScenarioId.ForBrokenFile(featuresDirectory, file.RelativePath))
                {
                    TestDisplayName = $"{file.DisplayPath}: Gherkin syntax error",
                });
                continue;
            }

            foreach (var scenario in file.Scenarios)
            {
                var row = new TheoryDataRow<string>(ScenarioId.ForScenario(featuresDirectory, file.RelativePath, scenario.PickleIndex))
                {
                    TestDisplayName = scenario.DisplayName,
                    Skip = scenario.IsIgnored ? "Ignored (@ignore)" : null,
                };
                foreach (var tag in scenario.Tags)
                {
                    row.WithTrait(CategoryTrait, tag);
                }

                rows.Add(row);
            }
        }

        return rows;
    }
}
