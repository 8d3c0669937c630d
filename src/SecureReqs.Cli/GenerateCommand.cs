using System.CommandLine;
using Gherkin;
using SecureReqs.Endpoints;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs generate &lt;feature&gt;[:line] --attacker &lt;model&gt;</c> asks an attacker model to write cases for a
/// story's threat and writes a draft a person reviews; <c>securereqs generate accept &lt;draft&gt;</c> turns the accepted
/// cases into a dataset, to be signed with <c>securereqs manifest create</c>. See docs/adaptive.md.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        var story = new Argument<string>("story") { Description = "The feature file of the story, with ':<line>' to pick a scenario (default: its first scenario that names a dataset)." };
        var attacker = new Option<string>("--attacker") { Description = "The attacker model: a target declared in securereqs.json.", Required = true };
        var config = RunCommand.ConfigOption();
        var count = new Option<int>("--count") { Description = "How many cases to write (1–500).", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "The seed of every request to the model.", DefaultValueFactory = _ => 1 };
        var name = new Option<string?>("--name") { Description = "The dataset's name (default: generated-<threat>-<story's dataset>)." };
        var datasets = new Option<DirectoryInfo?>("--datasets") { Description = "The datasets folder the story's datasets are in (default: the nearest adversarial-datasets/ above the feature)." };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Where the draft goes (default: drafts/<name>/)." };
        var command = new Command("generate", "Ask an attacker model to write cases for a story's threat, into a draft for review. Nothing generated gates a release until a person accepts it and the dataset is signed. Exit 0 when the draft is written, 2 on an error.")
        {
            story,
            attacker,
            config,
            count,
            seed,
            name,
            datasets,
            outDir,
        };
        command.Subcommands.Add(AcceptCommand(output, time));
        command.SetAction(async (parse, ct) =>
        {
            var (featurePath, line) = SplitLine(parse.GetValue(story)!);
            var datasetsDir = parse.GetValue(datasets)?.FullName ?? FindDatasets(featurePath);
            var scenario = StoryOf(featurePath, line);
            var catalog = new DatasetCatalog(datasetsDir);
            var dataset = scenario.Datasets.Count > 0
                ? catalog.Load(scenario.Datasets[0])
                : throw new SecureReqsException($"{featurePath}:{scenario.Line}: the story names no dataset, so there is no oracle to write cases for. Pick a story with 'Given the adversarial dataset \"…\"'.");
            var attacks = dataset.Cases.Where(c => c.Kind == CaseKind.Attack).ToList();
            var oracle = attacks.GroupBy(c => c.Oracle.Type).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
                ?? throw new SecureReqsException($"The dataset \"{dataset.Name}\" holds no attack, so there is no oracle to write cases for.");
            var threat = scenario.Threat ?? attacks[0].Threat;

            using var endpoints = RunCommand.LoadEndpoints(parse.GetValue(config)?.FullName, new EndpointTargetSettings { TimeProvider = time, GetEnvironmentVariable = environment.Get });
            var registry = RunCommand.RegistryOfThisRun(endpoints).AddProvidedTargets();
            var attackerName = parse.GetValue(attacker)!;
            var model = registry.Contains(attackerName)
                ? registry.Get(attackerName)
                : throw new SecureReqsException($"No attacker model \"{attackerName}\": declare it as a target in securereqs.json (any OpenAI-compatible model, hosted or local; see docs/adaptive.md){(endpoints is null ? ", and pass --config when the file is not in the current folder" : "")}.");
            var target = scenario.Target is { } t && (registry.Contains(t) || DemoTargetsContains(registry, t)) ? registry.Get(t) : null;
            var brief = new GenerationBrief
            {
                Story = $"{scenario.Feature}: {scenario.Scenario}",
                Narrative = scenario.Narrative,
                Threat = threat,
                Oracle = oracle,
                Purpose = string.IsNullOrWhiteSpace(target?.Description) ? null : target!.Description,
                Tools = target?.ToolPolicy?.ToolNames ?? [],
                Documents = [.. (target?.Documents ?? []).Select(d => d.Title)],
                Count = parse.GetValue(count),
                Seed = parse.GetValue(seed),
            };
            var datasetName = parse.GetValue(name) ?? $"generated-{threat.ToLowerInvariant()}-{dataset.Name}";
            var draftDir = parse.GetValue(outDir)?.FullName ?? Path.GetFullPath(Path.Combine("drafts", datasetName));
            var client = model.Factory();
            try
            {
                var result = await new CaseGenerator(client) { TimeProvider = time, RequestTimeout = model.RequestTimeout ?? TimeSpan.FromSeconds(120) }.GenerateAsync(brief, ct).ConfigureAwait(false);
                DraftDataset.Write(draftDir, datasetName, brief, result, new StoryTarget(model.Name, model.Kind ?? "code", model.EndpointHost, model.Model));
                var kept = result.Kept.Count;
                await output.WriteLineAsync($"Wrote {kept} cases for review ({result.Cases.Count - kept} set aside by the checks) in {result.Requests} requests to \"{model.Name}\": {Path.Combine(draftDir, DraftDataset.ReviewFile)}").ConfigureAwait(false);
                if (kept < brief.Count)
                {
                    await error.WriteLineAsync($"note: {kept} of the {brief.Count} cases asked for passed the checks; the review file lists what was set aside and why.").ConfigureAwait(false);
                }

                await output.WriteLineAsync($"Next: mark each case accept or reject in {DraftDataset.ReviewFile}, then 'securereqs generate accept {draftDir} --reviewer \"<name>\"', then sign the dataset with 'securereqs manifest create'.").ConfigureAwait(false);
                return CliApp.Success;
            }
            finally
            {
                if (model.DisposeAfterUse)
                {
                    client.Dispose();
                }
            }
        });
        return command;
    }

    private static Command AcceptCommand(TextWriter output, TimeProvider time)
    {
        var draft = new Argument<DirectoryInfo>("draft") { Description = "The draft folder 'securereqs generate' wrote." };
        var reviewer = new Option<string>("--reviewer") { Description = "Who reviewed the cases (recorded in the dataset's provenance).", Required = true };
        var datasets = new Option<DirectoryInfo?>("--datasets") { Description = "The datasets folder to write into (default: adversarial-datasets/)." };
        var name = new Option<string?>("--name") { Description = "The dataset's name (default: the draft's)." };
        var license = new Option<string>("--license") { Description = "The dataset's licence, as your organisation names it.", DefaultValueFactory = _ => "internal" };
        var command = new Command("accept", "Write the accepted cases of a reviewed draft as a dataset (cases.jsonl, manifest.json with the generation's provenance, generation.json). Every case must be decided. Exit 0 when written, 2 on an error.")
        {
            draft,
            reviewer,
            datasets,
            name,
            license,
        };
        command.SetAction(async (parse, ct) =>
        {
            var draftDir = parse.GetValue(draft)!.FullName;
            var datasetName = parse.GetValue(name) ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(draftDir));
            var target = Path.Combine(parse.GetValue(datasets)?.FullName ?? Path.GetFullPath("adversarial-datasets"), datasetName);
            var (accepted, rejected) = DraftDataset.Accept(draftDir, target, parse.GetValue(reviewer)!, parse.GetValue(license)!, time);
            await output.WriteLineAsync($"Wrote the dataset \"{datasetName}\" with {accepted} accepted cases ({rejected} rejected): {target}").ConfigureAwait(false);
            await output.WriteLineAsync($"Next: sign it with 'securereqs manifest create {target}', review the change like code, and name it in a story: Given the adversarial dataset \"{datasetName}\".").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static bool DemoTargetsContains(TargetRegistry registry, string name)
    {
        if (!name.StartsWith("demo:", StringComparison.Ordinal))
        {
            return false;
        }

        SecureReqs.Demo.DemoTargets.AddTo(registry);
        return registry.Contains(name);
    }

    private static (string Path, int? Line) SplitLine(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 1 && int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line)
            ? (Path.GetFullPath(text[..colon]), line)
            : (Path.GetFullPath(text), null);
    }

    private static string FindDatasets(string featurePath)
    {
        for (var dir = Path.GetDirectoryName(featurePath); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "adversarial-datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new SecureReqsException($"No adversarial-datasets/ folder above {featurePath}. Pass --datasets <dir>.");
    }

    private sealed record StoryInfo(string Feature, string Scenario, string Narrative, int Line, string? Threat, string? Target, IReadOnlyList<string> Datasets);

    private static StoryInfo StoryOf(string path, int? line)
    {
        if (!File.Exists(path))
        {
            throw new SecureReqsException($"{path}: no such feature file. Name the story's .feature file (with :<line> for one scenario).");
        }

        Gherkin.Ast.GherkinDocument document;
        try
        {
            document = new Parser().Parse(path);
        }
        catch (CompositeParserException ex)
        {
            throw new SecureReqsException($"{path}: {ex.Errors.First().Message}. Fix the feature file ('securereqs lint' lists every problem).");
        }

        var feature = document.Feature ?? throw new SecureReqsException($"{path}: the file holds no Feature.");
        var background = feature.Children.OfType<Gherkin.Ast.Background>().SelectMany(b => b.Steps).ToList();
        var scenarios = feature.Children.OfType<Gherkin.Ast.Scenario>()
            .Concat(feature.Children.OfType<Gherkin.Ast.Rule>().SelectMany(r => r.Children.OfType<Gherkin.Ast.Scenario>()))
            .ToList();
        var scenario = line is { } l
            ? scenarios.FirstOrDefault(s => s.Location.Line == l) ?? throw new SecureReqsException($"{path}:{l}: no scenario starts on this line. Scenarios start on lines {string.Join(", ", scenarios.Select(s => s.Location.Line))}.")
            : scenarios.FirstOrDefault(s => s.Steps.Any(st => DatasetName(st.Text) is not null)) ?? scenarios.FirstOrDefault()
              ?? throw new SecureReqsException($"{path}: the feature holds no scenario.");
        var steps = background.Concat(scenario.Steps).ToList();
        var tags = feature.Tags.Concat(scenario.Tags).Select(t => t.Name.TrimStart('@')).ToList();
        var threat = tags.Where(t => t.StartsWith("owasp:LLM", StringComparison.OrdinalIgnoreCase)).Select(t => t["owasp:".Length..].ToUpperInvariant()).FirstOrDefault();
        var targetStep = steps.Select(s => System.Text.RegularExpressions.Regex.Match(s.Text, "^the target \"([^\"]*)\"$")).LastOrDefault(m => m.Success);
        return new StoryInfo(
            feature.Name,
            scenario.Name,
            feature.Description ?? "",
            scenario.Location.Line,
            threat,
            targetStep?.Groups[1].Value,
            [.. steps.Select(s => DatasetName(s.Text)).OfType<string>()]);
    }

    private static string? DatasetName(string text) =>
        System.Text.RegularExpressions.Regex.Match(text, "^the adversarial dataset \"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;
}
