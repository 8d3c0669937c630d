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
/// <para>A relative folder is found in the source tree first: from the test project's folder upwards (the project
/// folder is baked into the test assembly by <c>buildTransitive/SecureReqs.Xunit.props</c>), so the stories that run are
/// the ones being edited, never a stale copy. The copy in the output folder
/// (<c>&lt;Content Include="features\**\*.feature" CopyToOutputDirectory="PreserveNewest" /&gt;</c>) is used only when
/// the source tree is absent, such as tests run from a published folder; the first scenario run from it says so.</para>
/// <para>Display names carry no positional id; a name that occurs twice gets its <c>file:line</c>.</para>
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
        return new(GetRows(FeaturesDirectory, FeaturePaths.Resolve(FeaturesDirectory, testAssembly), language));
    }

    /// <inheritdoc/>
    public override bool SupportsDiscoveryEnumeration() => true;

    internal static IReadOnlyCollection<ITheoryDataRow> GetRows(string featuresDirectory, FeatureFolder? folder, CultureInfo language)
    {
        if (folder is null)
        {
            return [Row(ScenarioId.ForMissingFolder(featuresDirectory), $"{featuresDirectory}: features folder not found")];
        }

        var files = FeatureCatalog.LoadDirectory(folder.Path, featuresDirectory, language);

        // A name shared by several scenarios (the same title twice, or in two files) gets its file and line, so each test
        // can be told apart; every other name is just "Feature: Scenario [example]".
        var repeated = files.SelectMany(file => file.Scenarios).GroupBy(scenario => scenario.DisplayName, StringComparer.Ordinal)
            .Where(group => group.Count() > 1).Select(group => group.Key).ToHashSet(StringComparer.Ordinal);
        var rows = new List<ITheoryDataRow>();
        foreach (var file in files)
        {
            if (file.IsBroken)
            {
                rows.Add(Row(ScenarioId.ForBrokenFile(featuresDirectory, file.RelativePath), $"{file.DisplayPath}: Gherkin syntax error"));
                continue;
            }

            foreach (var scenario in file.Scenarios)
            {
                var name = repeated.Contains(scenario.DisplayName)
                    ? $"{scenario.DisplayName} ({file.DisplayPath}:{scenario.Line.ToString(CultureInfo.InvariantCulture)})"
                    : scenario.DisplayName;
                var row = Row(ScenarioId.ForScenario(featuresDirectory, file.RelativePath, scenario.PickleIndex), name);
                row.Skip = scenario.IsIgnored ? "Ignored (@ignore)" : null;
                foreach (var tag in scenario.Tags)
                {
                    row.WithTrait(CategoryTrait, tag);
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    // The scenario id stays the theory argument, so xUnit's test ids remain unique and stable; the empty label keeps it
    // out of the display name, which would otherwise end in (scenario: "features|x.feature#3").
    private static TheoryDataRow<string> Row(string scenarioId, string displayName) => new(scenarioId)
    {
        TestDisplayName = displayName,
        Label = "",
    };
}
