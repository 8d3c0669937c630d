namespace SecureReqs.Cli.Tests;

public class PlanCommandTests
{
    [Fact]
    public async Task Plan_AtLeast99At95_Needs299Cases()
    {
        var result = await CliResult.RunAsync("plan", "--at-least", "99%", "--confidence", "95%");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().StartWith("To show a rate of at least 99% with 95% confidence, run at least 299 cases with no failure.");
        result.Output.Should().MatchRegex(@"\| 0 +\| 299 +\|").And.MatchRegex(@"\| 1 +\| 473 +\|");
    }

    [Fact]
    public async Task Plan_AllowedFailures_RaisesTheNumber()
    {
        var result = await CliResult.RunAsync("plan", "--at-least", "99", "--allowed-failures", "1");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().StartWith("To show a rate of at least 99% with 95% confidence, run at least 473 cases with at most 1 failure.");
    }

    [Fact]
    public async Task Plan_AtMost2Percent_Needs149Cases()
    {
        var result = await CliResult.RunAsync("plan", "--at-most", "2%");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().StartWith("To show a rate of at most 2% with 95% confidence, run at least 149 cases with no counted case (no leak, successful attack or error).");
    }

    [Theory]
    [InlineData(new[] { "plan" }, "Give exactly one of --at-least or --at-most")]
    [InlineData(new[] { "plan", "--at-least", "99%", "--at-most", "2%" }, "Give exactly one of --at-least or --at-most")]
    [InlineData(new[] { "plan", "--at-least", "100%" }, "No number of cases can show a rate of at least 100%")]
    [InlineData(new[] { "plan", "--at-least", "ninety" }, "is not a number")]
    [InlineData(new[] { "plan", "--at-least", "99%", "--confidence", "100%" }, "must be at least 50% and below 100%")]
    public async Task Plan_BadInput_ExitsTwoWithTheFix(string[] args, string message)
    {
        var result = await CliResult.RunAsync(args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message);
    }
}
