namespace SecureReqs.Cli.Tests;

public sealed class CoverageCommandTests(NaiveRunFixture naive) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-coverage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Coverage_FeaturesOnly_ListsEveryRiskCoveredOrNot()
    {
        var result = await CliResult.RunAsync("coverage", "--features", RepoPaths.Features);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("(no results given: covered controls show as not run)");
        result.Output.Should().MatchRegex(@"\| LLM01 +\| Prompt Injection +\| not-run +\| \d stor(y|ies): \d not run");
        result.Output.Should().MatchRegex(@"\| LLM03 +\| Supply Chain +\| not-covered +\| no story");
        result.Output.Should().MatchRegex(@"\| T15 +\| Human Manipulation +\| not-covered");
        result.Output.Should().MatchRegex(@"\| MEASURE 2\.7 +\| Security and resilience are evaluated and documented +\| not-run");
        result.Output.Should().MatchRegex(@"\| A\.6\.2\.4 +\| AI system verification and validation +\| not-run");
    }

    [Fact]
    public async Task Coverage_WithResults_TakesTheStatusOfTheStories()
    {
        var result = await CliResult.RunAsync("coverage", "--features", naive.Features, "--results", Path.Combine(naive.Out, "results.json"));

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().MatchRegex(@"\| LLM01 +\| Prompt Injection +\| failed +\| 4 stories: 4 failed");
        result.Output.Should().MatchRegex(@"\| LLM02 +\| Sensitive Information Disclosure +\| failed +\| 4 stories: 2 passed, 2 failed");
        result.Output.Should().MatchRegex(@"\| LLM06 +\| Excessive Agency +\| failed +\| 4 stories: 1 passed, 3 failed");
        result.Output.Should().MatchRegex(@"\| LLM08 +\| Vector and Embedding Weaknesses +\| failed +\| 2 stories: 2 failed");
        result.Output.Should().MatchRegex(@"\| T3 +\| Privilege Compromise +\| failed +\| 4 stories: 1 passed, 3 failed");
        result.Output.Should().MatchRegex(@"\| T6 +\| Intent Breaking & Goal Manipulation +\| not-covered +\| no story");
        result.Output.Should().Contain("OWASP Top 10 for LLM Applications 2025: 6 of 10 listed controls covered, 0 passed, 6 failed.");
    }

    [Fact]
    public async Task Coverage_ResultsOnly_UsesTheTagsInTheResults()
    {
        var result = await CliResult.RunAsync("coverage", "--results", Path.Combine(naive.Out, "results.json"), "--features", Path.Combine(_dir, "none"));
        // The tests run in their output folder, which has no features/ folder: the tags come from the results.
        var fromResults = await CliResult.RunAsync("coverage", "--results", Path.Combine(naive.Out, "results.json"));

        result.ExitCode.Should().Be(2, "a features folder that does not exist is a usage error");
        fromResults.ExitCode.Should().Be(0, fromResults.Error);
        fromResults.Output.Should().MatchRegex(@"\| LLM07 +\| System Prompt Leakage +\| failed +\| 2 stories: 2 failed");
    }

    [Fact]
    public async Task Coverage_BrokenFeatureOrTypoTag_SaysWhereAndHow()
    {
        File.WriteAllText(Path.Combine(_dir, "typo.feature"), "@owasp:LLM11\nFeature: Typo\n  Scenario: One\n    Given the target \"demo:naive\"\n");
        var typo = await CliResult.RunAsync("coverage", "--features", _dir);
        File.WriteAllText(Path.Combine(_dir, "broken.feature"), "Feature: Broken\n  Scenario: One\n    Given a step\n  Oops this is not Gherkin\n");

        var broken = await CliResult.RunAsync("coverage", "--features", _dir);

        typo.ExitCode.Should().Be(0);
        typo.Error.Should().Contain("warning: typo.feature:3: the tag @owasp:LLM11 names no control of the OWASP Top 10 for LLM Applications 2025. Write it like @owasp:LLM01.");
        broken.ExitCode.Should().Be(2);
        broken.Error.Should().MatchRegex(@"broken\.feature:\(?4:\d+\)?");
    }
}
