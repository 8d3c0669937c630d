using SecureReqs.Runner.Tests.Fixtures;
using SecureReqs.Xunit;
using Xunit.Sdk;

namespace SecureReqs.Runner.Tests.Xunit;

/// <summary>Runs failing-on-purpose fixture rows through the xUnit host and asserts how they fail.</summary>
public class FeatureScenariosTests
{
    [Fact]
    public async Task RunAsync_PassingRow_Completes()
    {
        var act = () => FeatureScenarios.RunAsync(Row("Mixed", "good.feature", 0));

        await act.Should().NotThrowAsync();
    }

    [Fact]
    public async Task RunAsync_FailingAssertion_ThrowsScenarioFailedExceptionNamingStepLocationAndError()
    {
        var act = () => FeatureScenarios.RunAsync(Row("Failing", "failing.feature", 0));

        var failure = await act.Should().ThrowAsync<ScenarioFailedException>();
        failure.Which.Message.Should().StartWith("Scenario \"Wrong sum\" failed at step \"Then the result is 5\" (Features/Runner/Failing/failing.feature:6):")
            .And.EndWith("Expected the result to be 5, but it was 4.");
        failure.Which.InnerException.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task RunAsync_UndefinedStep_ThrowsWithStepSkeleton()
    {
        var act = () => FeatureScenarios.RunAsync(Row("Failing", "failing.feature", 1));

        var failure = await act.Should().ThrowAsync<ScenarioFailedException>();
        failure.Which.Message.Should().Contain("(Features/Runner/Failing/failing.feature:11)").And.Contain("[When(\"a step nobody wrote\")]");
    }

    [Fact]
    public async Task RunAsync_BrokenFile_ThrowsWithFileLineAndColumn()
    {
        var act = () => FeatureScenarios.RunAsync("Features/Runner/Mixed|broken.feature#error");

        var failure = await act.Should().ThrowAsync<ScenarioFailedException>();
        failure.Which.Message.Should().Contain("Features/Runner/Mixed/broken.feature:4:3: ");
    }

    [Fact]
    public async Task RunAsync_BindingCallsAssertSkip_SkipExceptionRethrownUnchanged()
    {
        var act = () => FeatureScenarios.RunAsync(Row("Skipping", "skip.feature", 0));

        (await act.Should().ThrowAsync<SkipException>()).Which.Message.Should().EndWith("skipped by binding");
    }

    [Fact]
    public async Task RunAsync_PassingRow_StepTraceWrittenToTestOutput()
    {
        await FeatureScenarios.RunAsync(Row("Mixed", "good.feature", 0));

        TestContext.Current.TestOutputHelper!.Output.Should().Contain("Given a calculator").And.Contain("Then the result is 1");
    }

    [Fact]
    public async Task RunAsync_NotAScenarioRow_ThrowsArgumentException()
    {
        var act = () => FeatureScenarios.RunAsync("just text");

        await act.Should().ThrowAsync<ArgumentException>();
    }

    private static string Row(string folder, string file, int index) => $"{FixtureFeatures.RunnerFolder(folder)}|{file}#{index}";
}
