namespace SecureReqs.Cli.Tests;

public class CommandTableTests
{
    private static readonly string[] Commands =
        ["run", "lint", "merge", "generate", "gate", "plan", "coverage", "steps", "init", "scan", "targets", "datasets", "manifest", "evidence", "bench", "demo"];

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await CliResult.RunAsync("--help");

        result.ExitCode.Should().Be(0);
        foreach (var name in Commands)
        {
            result.Output.Should().MatchRegex($@"(?m)^\s+{name}\b", $"the root help lists \"{name}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task EachCommand_BuiltAloneFromItsName_IsThatCommand(string name)
    {
        // Only the command named is built; its own help must be its own.
        var result = await CliResult.RunAsync(name, "--help");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().MatchRegex($@"(?m)^Usage:\s*\n\s+\S+ {name}\b");
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageErrorNamingIt()
    {
        var result = await CliResult.RunAsync("rn");

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Error.Should().Contain("Unrecognized command or argument 'rn'");
    }

    public static TheoryData<string> Names() => [.. Commands];
}
