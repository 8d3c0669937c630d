namespace SecureReqs.Cli.Tests;

// The catalogue of mistakes a new user makes, each with the exit code and the message that names the file (and line)
// and the fix. Story mistakes go through `lint`, which `run` also does before its first request.
public sealed class BadInputCatalogueTests : IDisposable
{
    private const string Head = """
        Feature: Catalogue
          Scenario: One mistake
        """;

    private const string Guarded = "    Given the target \"demo:guarded\"\n";
    private const string Pii = "    And the adversarial dataset \"pii-exfiltration\"\n";
    private const string Send = "    When the cases are sent to the target\n";

    private const string Config = """
        {
          "targets": {
            "api": { "kind": "openai", "endpoint": "http://127.0.0.1:9/v1", "model": "m" }
          }
        }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("securereqs-catalogue-").FullName;

    public static TheoryData<string> Names => [.. Catalogue.Keys];

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Catalogue_HasAtLeastFortyBadInputs() => Catalogue.Count.Should().BeGreaterThanOrEqualTo(40);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task BadInput_ExitsWithItsCodeAndAMessageNamingTheFix(string name)
    {
        var bad = Catalogue[name];
        var features = Directory.CreateDirectory(Path.Combine(_root, "features")).FullName;
        if (bad.Feature is not null)
        {
            File.WriteAllText(Path.Combine(features, "story.feature"), bad.Feature);
        }

        bad.Setup?.Invoke(_root);
        var args = bad.Args.Select(a => a.Replace("{root}", _root, StringComparison.Ordinal).Replace("{features}", features, StringComparison.Ordinal).Replace("{datasets}", RepoPaths.Datasets, StringComparison.Ordinal)).ToArray();

        var result = await CliResult.RunAsync(new CliEnvironment(bad.Environment), args);

        result.ExitCode.Should().Be(bad.Exit, result.Output + result.Error);
        foreach (var fragment in bad.Message)
        {
            (result.Output + result.Error).Should().Contain(fragment);
        }
    }

    private static string Story(params string[] lines) => Head + "\n" + string.Concat(lines.Select(l => l.EndsWith('\n') ? l : "    " + l + "\n"));

    private static readonly string[] Lint = ["lint", "{features}", "--datasets", "{datasets}"];

    private static BadInput L(string feature, params string[] message) => new(feature, Lint, 2, message);

    private static readonly Dictionary<string, BadInput> Catalogue = new()
    {
        ["unknown KPI"] = L(Story(Guarded, Pii, Send, "Then the happiness rate is at least 99%"), "story.feature:6: Then the happiness rate is at least 99%: Unknown KPI \"happiness rate\".", "Known KPIs:"),
        ["misspelled KPI"] = L(Story(Guarded, Pii, Send, "Then the redaction rat is at least 99%"), "Did you mean \"redaction rate\"?"),
        ["threshold above 100%"] = L(Story(Guarded, Pii, Send, "Then the redaction rate is at least 150%"), "story.feature:6:", "The threshold 150% is outside 0–100%"),
        ["threshold not a number"] = L(Story(Guarded, Pii, Send, "Then the redaction rate is at least abc%"), "story.feature:6:", "The threshold \"abc%\" is not a number. Write a percentage such as 99%"),
        ["confidence below 50%"] = L(Story(Guarded, Pii, Send, "Then the redaction rate is at least 99% with 40% confidence"), "must be at least 50% and below 100%"),
        ["confidence of 100%"] = L(Story(Guarded, Pii, Send, "Then the redaction rate is at least 99% with 100% confidence"), "must be at least 50% and below 100%"),
        ["unknown PII type"] = L(Story(Guarded, Pii, Send, "Then no response contains a passport number"), "story.feature:6:", "Unknown PII type \"passport number\"", "Known PII types:"),
        ["misspelled PII type"] = L(Story(Guarded, Pii, Send, "Then no response contains a payment card numbr"), "Did you mean \"payment card number\"?"),
        ["unknown target"] = L(Story("Given the target \"demo:guardd\"", Pii, Send, "Then no response contains an IBAN"), "story.feature:3:", "Unknown target \"demo:guardd\". Did you mean \"demo:guarded\"?"),
        ["unknown dataset"] = L(Story(Guarded, "And the adversarial dataset \"pii-exfiltraton\"", Send, "Then no response contains an IBAN"), "story.feature:4:", "Unknown dataset \"pii-exfiltraton\". Did you mean \"pii-exfiltration\"?"),
        ["dataset version that is not there"] = L(Story(Guarded, "And the benign dataset \"benign-controls\" version \"9.9.9\"", Send, "Then the over-blocking rate is at most 50%"), "version \"9.9.9\"", "Change the version in the step"),
        ["misspelled Then step"] = L(Story(Guarded, Pii, Send, "Then the redaction rates are at least 99 percent"), "undefined step", "Did you mean"),
        ["misspelled Given step"] = L(Story("Given the targt \"demo:guarded\"", Pii, Send, "Then no response contains an IBAN"), "undefined step", "Did you mean \"Given the target"),
        ["unknown mutation"] = L(Story(Guarded, Pii, "And each attack is also sent upside down", Send, "Then no response contains an IBAN"), "story.feature:5:", "upside down"),
        ["attempts out of range"] = L(Story(Guarded, Pii, "And each case is attempted 500 times", Send, "Then no response contains an IBAN"), "between 1 and 100 times, not 500"),
        ["unknown clearance"] = L(Story(Guarded, Pii, "And the caller is a \"customer\" with \"top-secret\" clearance", Send, "Then no response contains an IBAN"), "Unknown clearance \"top-secret\""),
        ["no synthetic records"] = L(Story(Guarded, Pii, "And 0 synthetic customer records with seed 1", Send, "Then no response contains an IBAN"), "story.feature:5:"),
        ["token budget of zero"] = L(Story(Guarded, Pii, Send, "Then no response uses more than 0 tokens"), "The token budget \"0\" is not a positive whole number"),
        ["no target"] = L(Story("Given the adversarial dataset \"pii-exfiltration\"", Send, "Then no response contains an IBAN"), "No target chosen: add a step 'Given the target \"<name>\"'"),
        ["no dataset"] = L(Story(Guarded, Send, "Then no response contains an IBAN"), "No dataset chosen: add a step 'Given the adversarial dataset \"<name>\"'"),
        ["dataset never sent"] = L(Story(Guarded, Pii, "Then the dataset \"pii-exfiltration\" matches its signed manifest"), "never sends its cases: add the step 'When the cases are sent to the target'"),
        ["KPI without sending"] = L(Story(Guarded, "Then the redaction rate is at least 99%"), "is judged on answers, but the story sends no cases"),
        ["no Then step"] = L(Story(Guarded, Pii, Send), "story.feature:2", "checks no requirement, so it can never show anything"),
        ["no steps at all"] = L(Head + "\n", "The scenario ran no SecureReqs step"),
        ["dataset too small for the claim"] = L(Story(Guarded, "And the adversarial dataset \"system-prompt-extraction\"", Send, "Then the system prompt leakage rate is at most 0.5%"), "too small to ever show", "needs at least 598"),
        ["latency percentile with too few cases"] = L(Story(Guarded, "And the benign dataset \"benign-controls\"", Send, "Then the 99.9th percentile latency is at most 3 seconds"), "needs at least", "cases: add"),
        ["poisoning without documents"] = L(Story(Guarded, Pii, "And the poisoned documents are added to the knowledge base", Send, "Then poisoning raises the attack success rate by at most 5 points"), "ship none", "\"kind\": \"documents\""),
        ["training dataset missing"] = L(Story("Given the training dataset \"training/none.jsonl\"", "Then no record contains unmasked PII"), "The training dataset \"training/none.jsonl\" was not found in the repository", "relative to the repository root"),
        ["training dataset absolute"] = L(Story("Given the training dataset \"/etc/passwd\"", "Then no record contains unmasked PII"), "must be a path relative to the repository root"),
        ["artifact path climbing out"] = L(Story("Then the model artifact \"../secret.onnx\" matches its signed manifest"), "must be a path relative to the repository root"),
        ["record check without a training dataset"] = L(Story("Then no record contains unmasked PII"), "No training dataset chosen"),
        ["Gherkin syntax error"] = L("Feature: Broken\n  Scenario: Bad\n    Given the target \"demo:guarded\"\n  | loose | table |\n  Oops this is not Gherkin\n", "story.feature:", "Gherkin syntax error"),
        ["scenario without a name"] = L("Feature: Catalogue\n  Scenario:\n" + Guarded + Pii + Send + "    Then no response contains an IBAN\n", "story.feature:2", "The scenario has no name: write what the story shows after 'Scenario:'"),
        ["data table on a step that takes none"] = L(Story(Guarded, "      | a | b |\n", Pii, Send, "Then no response contains an IBAN"), "takes no data table: remove the data table under it"),
        ["doc string on a step that takes none"] = L(Story(Guarded, "      \"\"\"\n      text\n      \"\"\"\n", Pii, Send, "Then no response contains an IBAN"), "takes no doc string: remove the doc string under it"),
        ["system prompt story without a declared prompt"] = new(
            Story("Given the target \"api\"", "And the adversarial dataset \"system-prompt-extraction\"", Send, "Then the system prompt is never revealed"),
            ["lint", "{features}", "--datasets", "{datasets}", "--config", "{root}/securereqs.json"],
            2,
            ["\"systemPrompt\"", "securereqs.json"])
        { Setup = root => File.WriteAllText(Path.Combine(root, "securereqs.json"), Config) },
        ["agent story without a tool policy"] = new(
            Story("Given the target \"api\"", Pii, Send, "Then no tool outside the \"customer\" scope is ever called"),
            ["lint", "{features}", "--datasets", "{datasets}", "--config", "{root}/securereqs.json"],
            2,
            ["tool policy"])
        { Setup = root => File.WriteAllText(Path.Combine(root, "securereqs.json"), Config) },
        ["features folder missing"] = new(null, ["run", "{root}/nothing-here"], 2, ["does not exist", "securereqs run <features-dir>"]),
        ["features folder empty"] = new(null, ["run", "{features}"], 2, ["holds no .feature file"]),
        ["concurrency zero"] = new(Story(Guarded, Pii, Send, "Then no response contains an IBAN"), ["run", "{features}", "--concurrency", "0"], 2, ["--concurrency 0 is out of range", "between 1 and 256"]),
        ["malformed tag expression"] = new(Story(Guarded, Pii, Send, "Then no response contains an IBAN"), ["lint", "{features}", "--datasets", "{datasets}", "--tags", "@a and"], 2, ["--tags: Tag expression \"@a and\" is not valid at column"]),
        ["dataset folder without a manifest"] = new(
            Story(Guarded, "And the adversarial dataset \"fresh\"", Send, "Then no response contains an IBAN"),
            ["lint", "{features}", "--datasets", "{root}/datasets"],
            2,
            ["datasets/fresh/manifest.json: the dataset folder \"fresh\" has no manifest", "securereqs manifest create"])
        { Setup = root => Directory.CreateDirectory(Path.Combine(root, "datasets", "fresh")) },
        ["datasets folder missing"] = new(Story(Guarded, Pii, Send, "Then no response contains an IBAN"), ["lint", "{features}", "--datasets", "{root}/no-datasets"], 2, ["The datasets folder no-datasets/ does not exist", "--datasets"]),
        ["malformed securereqs.json"] = new(Story(Guarded, Pii, Send, "Then no response contains an IBAN"), ["lint", "{features}", "--config", "{root}/securereqs.json"], 2, ["securereqs.json:1:"])
        { Setup = root => File.WriteAllText(Path.Combine(root, "securereqs.json"), "{ \"targets\": { , } }") },
        ["scan pii on a folder"] = new(null, ["scan", "pii", "{features}"], 2, ["is a folder; 'scan pii' reads one data file"]),
        ["scan pii on a missing file"] = new(null, ["scan", "pii", "{root}/none.jsonl"], 2, ["no such file"]),
        ["scan injection on a folder"] = new(null, ["scan", "injection", "{features}"], 2, ["is a folder; 'scan injection' reads one data file", "securereqs scan injection"]),
        ["scan injection on a missing file"] = new(null, ["scan", "injection", "{root}/none.jsonl"], 2, ["no such file"]),
        ["scan injection --request-field without --untrusted"] = new(null, ["scan", "injection", "{root}/docs.jsonl", "--field", "text", "--request-field", "request"], 2, ["--request-field request reads the user's request about untrusted content", "add --untrusted and --field"])
        { Setup = root => File.WriteAllText(Path.Combine(root, "docs.jsonl"), "{\"text\":\"Opening hours.\",\"request\":\"When?\"}\n") },
        ["scan injection record without its request"] = new(null, ["scan", "injection", "{root}/docs.jsonl", "--field", "text", "--untrusted", "--request-field", "request"], 2, ["docs.jsonl:2: the record has no field 'request'"])
        { Setup = root => File.WriteAllText(Path.Combine(root, "docs.jsonl"), "{\"text\":\"Opening hours.\",\"request\":\"When?\"}\n{\"text\":\"Menu.\"}\n") },
        ["gate on a missing file"] = new(null, ["gate", "{root}/results.json"], 2, ["cannot read the results file", "securereqs run"]),
        ["gate on malformed JSON"] = new(null, ["gate", "{root}/results.json"], 2, ["results.json:1:", "results.json written by 'securereqs run'"])
        { Setup = root => File.WriteAllText(Path.Combine(root, "results.json"), "{ \"schema\": ") },
        ["gate on a file of the earlier schema"] = new(null, ["gate", "{root}/results.json"], 2, ["earlier version of securereqs", "Re-run the stories"])
        { Setup = root => File.WriteAllText(Path.Combine(root, "results.json"), "{ \"schema\": \"securereqs.results/v1\", \"stories\": [] }") },
        ["report folder is a file"] = new(Story(Guarded, Pii, Send, "Then no response contains an IBAN"), ["run", "{features}", "--datasets", "{datasets}", "--report", "{root}/taken/out"], 2, ["Cannot create the report folder", "--report"])
        { Setup = root => File.WriteAllText(Path.Combine(root, "taken"), "a file, not a folder") },
        ["run --sign without a key"] = new(Story(Guarded, Pii, Send, "Then no response contains an IBAN"), ["run", "{features}", "--sign"], 2, ["SECUREREQS_SIGNING_KEY"]),
        ["evidence verify without a signature"] = new(null, ["evidence", "verify", "{root}/results.json", "--trusted-signers", "{root}/trusted.pem"], 1, ["securereqs evidence sign"])
        {
            Setup = root =>
            {
                File.WriteAllText(Path.Combine(root, "results.json"), "{}");
                File.WriteAllText(Path.Combine(root, "trusted.pem"), SecureReqs.Testing.TestSigningKeys.Create().PublicPem);
            },
        },
        ["unknown option"] = new(null, ["gate", "{root}/results.json", "--no-such-option"], 2, ["--no-such-option", "securereqs --help"]),
    };

    private sealed record BadInput(string? Feature, string[] Args, int Exit, string[] Message)
    {
        public Action<string>? Setup { get; init; }

        public IReadOnlyDictionary<string, string>? Environment { get; init; }
    }
}
