using SecureReqs.Reqnroll;

namespace SecureReqs.Cli.Tests;

public sealed class StepsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-steps-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Steps_PrintsEveryBindingWithItsMeaningAndExample()
    {
        var result = await CliResult.RunAsync("steps");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Given ^the target \"([^\"]*)\"$\n    The system under test: a target registered in code");
        result.Output.Should().Contain("    e.g. Then the redaction rate is at least 99% with 95% confidence\n");
        foreach (var step in StepVocabulary.Discover())
        {
            result.Output.Should().Contain($"{step.Keyword} {step.Expression}\n");
        }
    }

    [Fact]
    public async Task StepsMarkdown_IsWhatDocsStepsMdHolds()
    {
        var result = await CliResult.RunAsync("steps", "--markdown");
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "steps.md")).ReplaceLineEndings("\n");

        result.ExitCode.Should().Be(0, result.Error);
        docs.Should().Be(result.Output, $"docs/steps.md is generated from the step bindings and is stale: regenerate it with `{StepVocabulary.RegenerateCommand}`");
    }

    [Fact]
    public async Task StepsWrite_WritesTheMarkdownFile()
    {
        var path = Path.Combine(_dir, "steps.md");

        var result = await CliResult.RunAsync("steps", "--write", path);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().MatchRegex(@"^Wrote \d+ steps to ");
        File.ReadAllText(path).Should().StartWith("# Step vocabulary\n\n<!-- Generated from the step bindings");
    }
}
