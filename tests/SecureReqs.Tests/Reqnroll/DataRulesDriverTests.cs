using System.Reflection;
using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.Ast;
using Reqnroll;
using SecureReqs.Reqnroll;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

// The shipped story features/data/data-rules.feature, step by step through the same bindings' patterns and the driver:
// it passes on the shipped (clean) files and fails on violating copies of them, so the story judges the files rather
// than passing by construction.
public sealed class DataRulesDriverTests : IDisposable
{
    private const string Feature = "features/data/data-rules.feature";
    private readonly string _root = Directory.CreateTempSubdirectory("securereqs-data-rules-story-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ShippedStory_OnTheShippedFiles_Passes(int scenario)
    {
        var results = await RunScenarioAsync(scenario, RepoPaths.Root);

        results.Should().HaveCount(3).And.OnlyContain(r => r.Verdict == Verdict.Pass);
    }

    [Fact]
    public async Task ShippedStory_OnViolatingCopiesOfTheJsonLinesFile_FailsEveryRuleNamingFileLineAndField()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "features/data/records/customer-profiles.jsonl"));
        lines[2] = lines[2].Replace("\"ssn\": \"***-**-", "\"ssn\": \"536-22-", StringComparison.Ordinal);
        lines[4] = Regex.Replace(lines[4], "\"updated_at\": \"[^\"]*\"", "\"updated_at\": \"2025-10-01T10:00:00Z\"");
        lines[6] = Regex.Replace(lines[6], "\"source\": \"[^\"]*\"", "\"source\": \"scraped-forum\"");
        WriteCopy("features/data/records/customer-profiles.jsonl", lines);
        WriteCopy("features/data/records/crm-export.csv", File.ReadAllLines(Path.Combine(RepoPaths.Root, "features/data/records/crm-export.csv")));

        var results = await RunScenarioAsync(0, _root);

        results.Should().OnlyContain(r => r.Verdict == Verdict.Fail && r.Count == 1);
        results[0].Message.Should().Contain("features/data/records/customer-profiles.jsonl:3 field \"ssn\": unmasked US social security number in a restricted value ([ssn])").And.NotContain("536-22-");
        results[1].Message.Should().Contain("features/data/records/customer-profiles.jsonl:5 field \"updated_at\": dated 2025-10-01, 426 days before 2026-12-01 (at most 365 allowed)");
        results[2].Message.Should().Contain("features/data/records/customer-profiles.jsonl:7 field \"source\": source \"scraped-forum\" is not vetted");
    }

    [Fact]
    public async Task ShippedStory_OnACsvCopyWithAnUnmaskedEmailAndAnUnclassifiedColumn_FailsThenCannotBeChecked()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "features/data/records/crm-export.csv"));
        lines[3] = lines[3].Replace("[email]", "ada.lovelace@example.com", StringComparison.Ordinal);
        WriteCopy("features/data/records/crm-export.csv", lines);

        var leaky = await RunScenarioAsync(1, _root);
        WriteCopy("features/data/records/crm-export.csv", [lines[0] + ",phone_2", .. lines.Skip(1).Select(l => l + ",x")]);
        var unclassified = await RunScenarioAsync(1, _root);

        leaky.Select(r => r.Verdict).Should().Equal(Verdict.Fail, Verdict.Pass, Verdict.Pass);
        leaky[0].Message.Should().Contain("features/data/records/crm-export.csv:4 field \"email\": unmasked e-mail address in a confidential value ([email])");
        unclassified.Should().OnlyContain(r => r.Verdict == Verdict.Inconclusive && r.Problem);
        unclassified[0].Message.Should().StartWith("Could not be checked: features/data/records/crm-export.csv:1: the header names the column \"phone_2\", which the story does not classify");
    }

    private void WriteCopy(string path, IEnumerable<string> lines)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllLines(full, lines);
    }

    // Replays the feature's Background and one scenario: each step goes to the DataRuleSteps method whose pattern
    // matches it, and that method's driver call is made here (the bindings need a running Reqnroll scenario).
    private static async Task<IReadOnlyList<RequirementResult>> RunScenarioAsync(int scenario, string root)
    {
        var settings = new SecureReqsSettings { RepositoryRoot = root };
        var story = new SecurityStory(settings.Journal.Begin("F", "S", []), settings.StoryOptions());
        var driver = new DataRulesDriver(settings, story, new DataStoryDriver(settings, story));
        var document = new Parser().Parse(Path.Combine(RepoPaths.Root, Feature));
        var background = document.Feature.Children.OfType<Background>().Single();
        var scenarios = document.Feature.Children.OfType<Scenario>().ToList();
        foreach (var step in background.Steps.Concat(scenarios[scenario].Steps))
        {
            var (method, arguments) = Binding(step.Text);
            switch (method)
            {
                case nameof(DataRuleSteps.GivenTheClassificationLevels): driver.UseLevels(arguments[0]); break;
                case nameof(DataRuleSteps.GivenTheVettedSources): driver.UseVettedSources(arguments[0]); break;
                case nameof(DataRuleSteps.GivenTheDataIsJudgedAsOf): driver.UseAsOf(arguments[0]); break;
                case nameof(DataRuleSteps.GivenTheDataFile):
                    var rows = ((Gherkin.Ast.DataTable)step.Argument).Rows.ToList();
                    driver.UseDataFile(arguments[0], [.. rows.Skip(1).Select(r => new KeyValuePair<string, string>(r.Cells.First().Value, r.Cells.Last().Value))]);
                    break;
                case nameof(DataRuleSteps.GivenEachRecordsDateIsInTheField): driver.UseTimestampField(arguments[0]); break;
                case nameof(DataRuleSteps.GivenEachRecordsSourceIsInTheField): driver.UseSourceField(arguments[0]); break;
                case nameof(DataRuleSteps.GivenEachRecordsClassificationIsInTheField): driver.UseLabelField(arguments[0]); break;
                case nameof(DataRuleSteps.ThenNoRecordLabelledHoldsAnUnmaskedValue): driver.RequireNoUnmaskedValue(arguments[0]); break;
                case nameof(DataRuleSteps.ThenNoRecordIsOlderThan): driver.RequireRetention(arguments[0]); break;
                case nameof(DataRuleSteps.ThenEveryRecordComesFromAVettedSource): driver.RequireVettedSource(); break;
                default: throw new InvalidOperationException($"No data-rule step matches \"{step.Text}\".");
            }
        }

        return await story.ExecuteAsync(TestContext.Current.CancellationToken);
    }

    private static (string Method, string[] Arguments) Binding(string text)
    {
        foreach (var method in typeof(DataRuleSteps).GetMethods())
        {
            foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
            {
                var match = Regex.Match(text, attribute.Expression!);
                if (match.Success)
                {
                    return (method.Name, [.. match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)]);
                }
            }
        }

        return ("", []);
    }
}
