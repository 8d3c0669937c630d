using System.Reflection;
using SecureReqs.Runner.Tests.Fixtures;
using SecureReqs.Xunit;
using Xunit.Sdk;

namespace SecureReqs.Runner.Tests.Xunit;

public class FeatureScenariosAttributeTests
{
    [Fact]
    public async Task GetData_FeatureFolder_OneRowPerScenarioAndExampleRowWithReadableNames()
    {
        var rows = await GetRowsAsync("Passing");

        rows.Select(row => row.TestDisplayName).Should().Equal(
            "Calculator: Adding two numbers",
            "Calculator: Adding 1 and 2 [a: 1, b: 2, sum: 3]",
            "Calculator: Adding 2 and 2 [a: 2, b: 2, sum: 4]",
            "Calculator: Not ready yet",
            "Calculator: Subtracting");
        rows.Select(row => row.GetData().Single()).Should().Equal(
            Enumerable.Range(0, 5).Select(index => (object)$"Features/Runner/Passing|calculator.feature#{index}"));
    }

    [Fact]
    public async Task GetData_EveryRow_EmptyLabelSoTheDisplayNameCarriesNoPositionalId()
    {
        var rows = await GetRowsAsync("Passing");

        rows.Should().OnlyContain(row => row.Label == "");
        rows.Select(row => row.TestDisplayName).Should().OnlyContain(name => !name!.Contains('#') && !name.Contains('|'));
    }

    [Fact]
    public void GetRows_SameScenarioNameTwice_NamesGetFileAndLineAndIdsStayUnique()
    {
        var dir = Directory.CreateTempSubdirectory("securereqs-names-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.feature"), "Feature: Login\n\n  Scenario: Lockout\n    Given a calculator\n\n  Scenario: Lockout\n    Given a calculator\n\n  Scenario: Reset\n    Given a calculator\n");
            File.WriteAllText(Path.Combine(dir, "b.feature"), "Feature: Login\n\n  Scenario: Reset\n    Given a calculator\n\n  Scenario: Unique\n    Given a calculator\n");

            var rows = FeatureScenariosAttribute.GetRows("stories", new FeatureFolder(dir, IsOutputCopy: false), System.Globalization.CultureInfo.GetCultureInfo("en-US"));

            rows.Select(row => row.TestDisplayName).Should().Equal(
                "Login: Lockout (stories/a.feature:3)",
                "Login: Lockout (stories/a.feature:6)",
                "Login: Reset (stories/a.feature:9)",
                "Login: Reset (stories/b.feature:3)",
                "Login: Unique");
            rows.Select(row => row.GetData().Single()).Should().OnlyHaveUniqueItems()
                .And.Equal("stories|a.feature#0", "stories|a.feature#1", "stories|a.feature#2", "stories|b.feature#0", "stories|b.feature#1");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task GetData_TaggedScenario_TagsAreCategoryTraitsWithoutAt()
    {
        var rows = await GetRowsAsync("Passing");

        rows[1].Traits.Should().ContainKey("Category").WhoseValue.Should().BeEquivalentTo("calc", "outline", "owasp:LLM02");
        rows[4].Traits!["Category"].Should().BeEquivalentTo("calc", "subtraction");
    }

    [Fact]
    public async Task GetData_IgnoreTag_RowIsSkipped()
    {
        var rows = await GetRowsAsync("Passing");

        rows.Where(row => row.Skip is not null).Should().ContainSingle().Which.TestDisplayName.Should().Be("Calculator: Not ready yet");
    }

    [Fact]
    public async Task GetData_SyntaxErrorInOneFile_OneRowForThatFileAndRowsForTheOthers()
    {
        var rows = await GetRowsAsync("Mixed");

        rows.Select(row => row.TestDisplayName).Should().Equal(
            "Features/Runner/Mixed/broken.feature: Gherkin syntax error",
            "Good: Still runs");
    }

    [Fact]
    public async Task GetData_MissingFolder_OneRowNamingTheFolder()
    {
        var rows = await GetRowsAsync("DoesNotExist");

        rows.Should().ContainSingle().Which.TestDisplayName.Should().Be("Features/Runner/DoesNotExist: features folder not found");
    }

    [Fact]
    public void SupportsDiscoveryEnumeration_Always_True()
    {
        new FeatureScenariosAttribute("features").SupportsDiscoveryEnumeration().Should().BeTrue();
    }

    private static async Task<IReadOnlyList<ITheoryDataRow>> GetRowsAsync(string folder)
    {
        var attribute = new FeatureScenariosAttribute(FixtureFeatures.RunnerFolder(folder));
        var method = typeof(HostedSecurityStories).GetMethod(nameof(HostedSecurityStories.Run))!;
        return [.. await attribute.GetData(method, new DisposalTracker())];
    }
}
