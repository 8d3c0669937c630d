using System.Reflection;
using SecureReqs.Runner.Tests.Fixtures;

namespace SecureReqs.Runner.Tests;

public class FeatureRunnerTests
{
    [Fact]
    public async Task RunAsync_FeatureWithOutline_OneResultPerScenarioAndExampleRowInDocumentOrder()
    {
        var (results, _) = await RunAsync("Passing");

        results.Select(result => result.DisplayName).Should().Equal(
            "Calculator: Adding two numbers",
            "Calculator: Adding 1 and 2 [a: 1, b: 2, sum: 3]",
            "Calculator: Adding 2 and 2 [a: 2, b: 2, sum: 4]",
            "Calculator: Not ready yet",
            "Calculator: Subtracting");
        results[1].Should().BeEquivalentTo(new { FeatureFile = "calculator.feature", ScenarioName = "Adding 1 and 2", Example = "a: 1, b: 2, sum: 3", Line = 30 });
    }

    [Fact]
    public async Task RunAsync_PassingScenarios_PassedWithoutMessage()
    {
        var (results, _) = await RunAsync("Passing");

        results.Where(result => result.ScenarioName != "Not ready yet").Should().OnlyContain(result => result.Status == ScenarioRunStatus.Passed && result.Message == null);
    }

    [Fact]
    public async Task RunAsync_IgnoreTag_ScenarioSkipped()
    {
        var (results, _) = await RunAsync("Passing");

        results.Single(result => result.ScenarioName == "Not ready yet").Status.Should().Be(ScenarioRunStatus.Skipped);
    }

    [Fact]
    public async Task RunAsync_TaggedScenarios_TagsIncludeFeatureRuleAndExamplesTagsWithoutAt()
    {
        var (results, _) = await RunAsync("Passing");

        results[1].Tags.Should().BeEquivalentTo("outline", "owasp:LLM02", "calc");
        results[4].Tags.Should().BeEquivalentTo("calc", "subtraction");
    }

    [Fact]
    public async Task RunAsync_ScenarioOutline_PlaceholdersSubstitutedInTextDocStringAndTable()
    {
        var (_, log) = await RunAsync("Passing");

        log.Entries.Should().ContainInOrder("note:1 plus 2", "table:left,right;1,2", "note:2 plus 2", "table:left,right;2,2");
    }

    [Fact]
    public async Task RunAsync_FeatureAndRuleBackgrounds_StepsRunBeforeScenarioSteps()
    {
        var (_, log) = await RunAsync("Passing");

        log.Entries.Count(entry => entry == "feature-background").Should().Be(4);
        log.Entries.Should().ContainInOrder("feature-background", "rule-background", "not:4:True");
        log.Entries.Count(entry => entry == "rule-background").Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_StarAndButKeywords_StepsRun()
    {
        var (_, log) = await RunAsync("Passing");

        log.Entries.Should().Contain(["ready", "not:4:True"]);
    }

    [Fact]
    public async Task RunAsync_FailingAssertion_MessageNamesScenarioStepLocationAndError()
    {
        var (results, log) = await RunAsync("Failing");

        var failed = results.Single(result => result.ScenarioName == "Wrong sum");
        failed.Status.Should().Be(ScenarioRunStatus.Failed);
        failed.Message.Should().StartWith("Scenario \"Wrong sum\" failed at step \"Then the result is 5\" (")
            .And.Contain("Failing/failing.feature:6)")
            .And.EndWith("Expected the result to be 5, but it was 4.");
        log.Entries.Should().NotContain("ready", "steps after a failing step are skipped");
    }

    [Fact]
    public async Task RunAsync_UndefinedStep_MessageContainsStepSkeleton()
    {
        var (results, _) = await RunAsync("Failing");

        var undefined = results.Single(result => result.ScenarioName == "Missing step");
        undefined.Status.Should().Be(ScenarioRunStatus.Undefined);
        undefined.Message.Should().StartWith("Scenario \"Missing step\" has an undefined step at step \"When a step nobody wrote\" (")
            .And.Contain("Failing/failing.feature:11)")
            .And.Contain("[When(\"a step nobody wrote\")]");
    }

    [Fact]
    public async Task RunAsync_SyntaxErrorInOneFile_OneFailedResultNamingFileAndLineWhileOtherFilesPass()
    {
        var (results, _) = await RunAsync("Mixed");

        results.Should().HaveCount(2);
        var broken = results.Single(result => result.FeatureFile == "broken.feature");
        broken.Status.Should().Be(ScenarioRunStatus.Failed);
        broken.Message.Should().Contain("Mixed/broken.feature:4:3: ").And.Contain("got 'This line is not Gherkin'");
        results.Single(result => result.FeatureFile == "good.feature").Status.Should().Be(ScenarioRunStatus.Passed);
    }

    [Fact]
    public async Task RunAsync_FeatureHooks_RunOncePerFeatureBeforeTheNextFeatureStarts()
    {
        var (results, log) = await RunAsync("Hooks");

        results.Should().OnlyContain(result => result.Status == ScenarioRunStatus.Passed);
        log.Entries.Should().Equal("before:First", "scenario:A", "scenario:B", "after:First", "before:Second", "scenario:C", "after:Second");
    }

    [Fact]
    public async Task RunAsync_ConfigureGlobalContainer_HostObjectReachesBindingByConstructorInjection()
    {
        var probe = new HostProbe();

        var (results, _) = await RunAsync("Injection", options =>
        {
            var log = new RunLog();
            options.ConfigureGlobalContainer = container =>
            {
                container.RegisterInstanceAs(log);
                container.RegisterInstanceAs(probe);
            };
        });

        results.Should().ContainSingle().Which.Status.Should().Be(ScenarioRunStatus.Passed);
        probe.Touches.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_TagFilter_OnlyMatchingScenariosRun()
    {
        var (results, _) = await RunAsync("Passing", options => options.TagFilter = tags => tags.Contains("outline"));

        results.Select(result => result.ScenarioName).Should().Equal("Adding 1 and 2", "Adding 2 and 2");
    }

    [Fact]
    public async Task RunAsync_BindingAssemblies_BindingsOutsideTheTestAssemblyAreUsed()
    {
        var (results, _) = await RunAsync("Mixed", options =>
        {
            options.TestAssembly = typeof(FeatureRunner).Assembly;
            options.BindingAssemblies.Add(typeof(CalculatorSteps).Assembly);
        });

        results.Single(result => result.FeatureFile == "good.feature").Status.Should().Be(ScenarioRunStatus.Passed);
    }

    [Fact]
    public async Task RunAsync_Output_ReceivesReqnrollStepTrace()
    {
        var lines = new List<string>();

        await RunAsync("Mixed", options => options.Output = line => { lock (lines) { lines.Add(line); } });

        lines.Should().Contain(line => line.StartsWith("Given a calculator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ReportsDirectory_WritesHtmlAndNdjsonWithPicklesAndTestCases()
    {
        var reports = Directory.CreateTempSubdirectory("securereqs-reports-");
        try
        {
            var (results, _) = await RunAsync("Passing", options => options.ReportsDirectory = reports.FullName);

            results.Should().NotBeEmpty();
            var html = Path.Combine(reports.FullName, "reqnroll_report.html");
            var ndjson = Path.Combine(reports.FullName, "reqnroll_report.ndjson");
            File.Exists(html).Should().BeTrue();
            new FileInfo(html).Length.Should().BeGreaterThan(0);
            var messages = await File.ReadAllLinesAsync(ndjson, TestContext.Current.CancellationToken);
            messages.Count(line => line.StartsWith("{\"pickle\":", StringComparison.Ordinal)).Should().Be(5);
            messages.Count(line => line.StartsWith("{\"testCase\":", StringComparison.Ordinal)).Should().Be(5);
            messages.Should().Contain(line => line.StartsWith("{\"testRunFinished\":", StringComparison.Ordinal));
        }
        finally
        {
            reports.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_NoReportsDirectory_WritesNoReportFiles()
    {
        var workingDirectory = Environment.CurrentDirectory;
        var before = Directory.GetFiles(workingDirectory, "reqnroll_report.*");

        await RunAsync("Mixed");

        Directory.GetFiles(workingDirectory, "reqnroll_report.*").Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task RunAsync_MissingFeaturesDirectory_ThrowsArgumentException()
    {
        var runner = new FeatureRunner(new FeatureRunnerOptions { FeaturesDirectory = FixtureFeatures.FullPath("Nope"), TestAssembly = GetType().Assembly });

        var act = () => runner.RunAsync(TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*Nope*does not exist*");
    }

    internal static async Task<(IReadOnlyList<ScenarioRunResult> Results, RunLog Log)> RunAsync(
        string folder, Action<FeatureRunnerOptions>? configure = null)
    {
        var log = new RunLog();
        var options = new FeatureRunnerOptions
        {
            FeaturesDirectory = FixtureFeatures.FullPath(folder),
            TestAssembly = typeof(CalculatorSteps).Assembly,
            ConfigureGlobalContainer = container => container.RegisterInstanceAs(log),
        };
        configure?.Invoke(options);

        var results = await new FeatureRunner(options).RunAsync(TestContext.Current.CancellationToken);
        return (results, log);
    }

    internal static Assembly TestAssembly => typeof(CalculatorSteps).Assembly;
}
