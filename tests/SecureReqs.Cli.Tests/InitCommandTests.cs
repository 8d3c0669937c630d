namespace SecureReqs.Cli.Tests;

public sealed class InitCommandTests : IDisposable
{
    // Every part of the pipeline the questionnaire asks about, so that every kind of starter story is generated.
    private const string EveryPart = """
        {
          "assistant": "support assistant",
          "personalData": true,
          "classification": "confidential",
          "retrieval": true,
          "retrievalAccessRules": true,
          "agentTools": ["lookup_order", "refund", "send_email"],
          "agentRole": "customer",
          "fineTuningDataset": "features/data/training/support-finetune.jsonl",
          "memory": true,
          "serving": "demo",
          "target": "demo:guarded"
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Init_AnswersFile_StoriesLintPassOnGuardedFailOnNaiveAndTheGateShowsTheMemoryGap()
    {
        var answers = Write("answers.json", EveryPart);
        var project = Path.Combine(_dir, "project");
        var features = Path.Combine(project, "features");
        var config = Path.Combine(project, "securereqs.json");
        var policy = Path.Combine(project, "securereqs.coverage.json");

        var init = await CliResult.RunAsync("init", project, "--answers", answers);
        var lint = await CliResult.RunAsync("lint", features, "--datasets", RepoPaths.Datasets, "--config", config);
        var guarded = await CliResult.RunAsync("run", features, "--target", "demo:guarded", "--datasets", RepoPaths.Datasets, "--config", config, "--report", Path.Combine(_dir, "guarded"));
        var beta = await CliResult.RunAsync("gate", Path.Combine(_dir, "guarded", "results.json"), "--milestone", "beta", "--policy", policy);
        var ga = await CliResult.RunAsync("gate", Path.Combine(_dir, "guarded", "results.json"), "--milestone", "ga", "--policy", policy);
        var naive = await CliResult.RunAsync("run", features, "--target", "demo:naive", "--datasets", RepoPaths.Datasets, "--config", config, "--report", Path.Combine(_dir, "naive"));

        init.ExitCode.Should().Be(0, init.Error);
        Directory.GetFiles(features).Select(Path.GetFileName).Should().BeEquivalentTo(
            "prompt-injection.feature", "system-prompt.feature", "sensitive-data.feature", "retrieval.feature", "agent-tools.feature", "fine-tuning-data.feature");
        File.ReadAllText(Path.Combine(features, "agent-tools.feature")).Should().StartWith("# Written by 'securereqs init'").And.Contain("\n@owasp:LLM06 @agentic:T2 @agentic:T3\n").And.Contain("The agent's tools: lookup_order, refund, send_email.");
        init.Output.Should().Contain("Note: Memory: no SecureReqs step tests memory isolation between users yet");
        lint.ExitCode.Should().Be(0, lint.Output + lint.Error);
        lint.Output.Should().Contain("11 stories checked, no problem found");
        guarded.ExitCode.Should().Be(0, guarded.Output + guarded.Error);
        guarded.Output.Should().Contain("11 stories: 11 passed, 0 failed");
        beta.ExitCode.Should().Be(0, beta.Output + beta.Error);
        beta.Output.Should().Contain("12 of 12 required controls covered by passing stories");
        ga.ExitCode.Should().Be(1, ga.Output + ga.Error);
        ga.Output.Should().Contain("GATE FAILED (1 reason):\n- NOT COVERED: T1 Memory Poisoning (@agentic:T1)");
        naive.ExitCode.Should().Be(1, naive.Output + naive.Error);
        naive.Output.Should().MatchRegex(@"11 stories: \d passed, \d+ failed");
    }

    [Fact]
    public async Task Init_ExistingFiles_WritesNothingWithoutForce()
    {
        var answers = Write("answers.json", """{ "personalData": false }""");
        var project = Path.Combine(_dir, "project");
        await CliResult.RunAsync("init", project, "--answers", answers);
        File.WriteAllText(Path.Combine(project, "features", "system-prompt.feature"), "# ours\n");

        var again = await CliResult.RunAsync("init", project, "--answers", answers);
        var kept = File.ReadAllText(Path.Combine(project, "features", "system-prompt.feature"));
        var forced = await CliResult.RunAsync("init", project, "--answers", answers, "--force");

        again.ExitCode.Should().Be(2);
        again.Error.Should().Be($"securereqs: {project} already has features/prompt-injection.feature, features/system-prompt.feature, securereqs.json, securereqs.coverage.json. Nothing was written. Pass --force to overwrite them, or choose another folder: securereqs init <folder>.\n");
        kept.Should().Be("# ours\n");
        forced.ExitCode.Should().Be(0, forced.Error);
        forced.Output.Should().Contain("overwrote features/system-prompt.feature");
        File.ReadAllText(Path.Combine(project, "features", "system-prompt.feature")).Should().Contain("Feature: The support assistant never reveals its system prompt");
    }

    [Fact]
    public async Task Init_OnTheTerminal_AsksOnStandardErrorAndReadsStandardInput()
    {
        // Name, personal data, classification (a typo, asked again), RAG, access rules, tools, fine-tuning, memory, serving, demo build.
        var input = new StringReader("billing bot\nno\nintrenal\ninternal\nyes\nno\nnone\nnone\nno\n\n\n");
        var environment = new CliEnvironment { Input = input };
        var project = Path.Combine(_dir, "asked");

        var result = await CliResult.RunAsync(environment, "init", project);

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().Contain("1. What is the assistant called in your stories? [support assistant]\n")
            .And.Contain("  Answer one of: public, internal, confidential. Did you mean \"internal\"?\n")
            .And.Contain("10. Which demo build: demo:guarded (with guardrails) or demo:naive (without)? [demo:guarded]\n");
        Directory.GetFiles(Path.Combine(project, "features")).Select(Path.GetFileName).Should().BeEquivalentTo("prompt-injection.feature", "system-prompt.feature", "retrieval.feature");
        var retrieval = File.ReadAllText(Path.Combine(project, "features", "retrieval.feature"));
        retrieval.Should().Contain("Feature: The billing bot answers only from documents").And.NotContain("clearance get none", "access rules were answered no");
        File.ReadAllText(Path.Combine(project, "securereqs.coverage.json")).Should().NotContain("owasp:LLM02").And.Contain("\"owasp:LLM08\"");
    }

    [Fact]
    public async Task Init_AnswersEndEarly_ExitsTwoAndWritesNothing()
    {
        var environment = new CliEnvironment { Input = new StringReader("support assistant\nyes\n") };
        var project = Path.Combine(_dir, "short");

        var result = await CliResult.RunAsync(environment, "init", project);

        result.ExitCode.Should().Be(2);
        result.Error.Should().EndWith("\nsecurereqs: the answers ended before question 3 (\"What is the highest classification of the data it sees?\"). Answer every question, or pass the answers in a file with --answers (docs/init.md).\n");
        Directory.Exists(project).Should().BeFalse();
    }

    [Theory]
    [InlineData("\"retrieval\": true", "\"retreival\": true", ":5: \"retreival\": unknown question. Did you mean \"retrieval\"?")]
    [InlineData("\"classification\": \"confidential\"", "\"classification\": \"secret\"", ":4: \"classification\": \"secret\" is no classification level. Answer public, internal, confidential.")]
    [InlineData("\"memory\": true", "\"memory\": \"yes\"", ":10: \"memory\": must be true or false.")]
    [InlineData("\"serving\": \"demo\",", "\"serving\": \"openai\",", ":12: \"target\": \"demo:guarded\" is a demo target; name your own target (such as \"staging\") when serving is \"openai\".")]
    [InlineData("\"agentRole\": \"customer\",", "\"agentRole\": \"customer\"", ":9:3: the answers file is not valid JSON (")]
    public async Task Init_MalformedAnswers_ExitsTwoWithFileLineAndFix(string from, string to, string message)
    {
        var answers = Write("answers.json", EveryPart.Replace(from, to, StringComparison.Ordinal));

        var result = await CliResult.RunAsync("init", Path.Combine(_dir, "project"), "--answers", answers);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith($"securereqs: {answers}{message}");
        Directory.Exists(Path.Combine(_dir, "project")).Should().BeFalse();
    }

    [Fact]
    public async Task Init_OpenAiEndpoint_WritesATargetTheConfigurationReaderAccepts()
    {
        var answers = Write("answers.json", """
            { "personalData": false, "serving": "openai", "target": "staging", "endpoint": "https://staging.example.com/v1",
              "model": "gpt-4o-mini", "apiKeyVariable": "STAGING_OPENAI_KEY" }
            """);
        var project = Path.Combine(_dir, "project");

        var init = await CliResult.RunAsync("init", project, "--answers", answers);
        var targets = await CliResult.RunAsync(new CliEnvironment(new Dictionary<string, string> { ["STAGING_OPENAI_KEY"] = "sk-test" }), "targets", "--config", Path.Combine(project, "securereqs.json"));

        init.ExitCode.Should().Be(0, init.Error);
        init.Output.Should().Contain("Note: The system prompt story needs the target's system prompt: set \"systemPrompt\" or \"systemPromptFile\" of \"staging\" in securereqs.json");
        File.ReadAllText(Path.Combine(project, "securereqs.json")).Should().Contain("\"apiKey\": \"env:STAGING_OPENAI_KEY\"").And.NotContain("sk-test");
        File.ReadAllText(Path.Combine(project, "features", "prompt-injection.feature")).Should().Contain("Given the target \"staging\"");
        targets.ExitCode.Should().Be(0, targets.Error);
        targets.Output.Should().MatchRegex(@"(?m)^staging +");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }
}
