using System.CommandLine;
using SecureReqs.Runner;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs coverage [--features &lt;dir&gt;] [--results &lt;results.json&gt;] [--framework &lt;key&gt;]</c>: the control
/// matrix from the stories' tags (OWASP LLM 2025, OWASP agentic threats, NIST AI RMF, ISO/IEC 42001), every control of
/// each framework passed, failed, not run or not covered.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var features = new Option<DirectoryInfo?>("--features") { Description = "The folder of .feature files whose tags map stories to controls (default: features/ when it exists)." };
        var results = new Option<FileInfo?>("--results") { Description = "A results.json: controls take the status of their stories in that run." };
        var framework = new Option<string?>("--framework") { Description = $"Only this framework: {string.Join(", ", ControlCatalog.Frameworks.Select(f => f.Key))} (default: all of them)." };
        var command = new Command("coverage", "Print the control coverage matrix from the stories' tags: every control of each framework, passed, failed, not run or not covered.")
        {
            features,
            results,
            framework,
        };
        command.SetAction(async (parse, _) =>
        {
            var frameworks = ControlCatalog.Frameworks;
            if (parse.GetValue(framework) is { } key)
            {
                frameworks = [.. ControlCatalog.Frameworks.Where(f => string.Equals(f.Key, key.Trim(), StringComparison.OrdinalIgnoreCase))];
                if (frameworks.Count == 0)
                {
                    await error.WriteLineAsync($"securereqs: --framework {key} names no framework.{Suggestions.DidYouMean(key, ControlCatalog.Frameworks.Select(f => f.Key))} Use one of: {string.Join(", ", ControlCatalog.Frameworks.Select(f => $"{f.Key} ({f.Title})"))}.").ConfigureAwait(false);
                    return CliApp.UsageError;
                }
            }

            var run = parse.GetValue(results) is { } file ? ResultsJsonReader.Read(file.FullName) : null;
            var folder = parse.GetValue(features)?.FullName ?? (run is null || Directory.Exists("features") ? Path.GetFullPath("features") : null);
            List<TaggedStory> stories;
            if (folder is not null)
            {
                if (!Directory.Exists(folder))
                {
                    await error.WriteLineAsync($"securereqs: the features folder {folder} does not exist. Pass --features <dir> or --results <results.json>.").ConfigureAwait(false);
                    return CliApp.UsageError;
                }

                var inventory = FeatureInventory.Read(folder);
                if (inventory.Errors.Count > 0)
                {
                    foreach (var problem in inventory.Errors)
                    {
                        await error.WriteLineAsync("securereqs: " + problem).ConfigureAwait(false);
                    }

                    return CliApp.UsageError;
                }

                stories = [.. inventory.Scenarios.Select(s => new TaggedStory(s.FeatureFile, s.Line, s.FeatureName, s.ScenarioName, s.Tags, StatusIn(run, s)))];
            }
            else
            {
                stories = [.. run!.Stories.Select(s => new TaggedStory(s.File, s.Line, s.Feature, s.Scenario, s.Tags, s.Status))];
            }

            var matrix = ControlMatrix.Build(stories, everyControl: true);
            foreach (var unknown in matrix.UnknownTags)
            {
                await error.WriteLineAsync("warning: " + unknown).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"Control coverage of {stories.Count} stor{(stories.Count == 1 ? "y" : "ies")}{(run is null ? " (no results given: covered controls show as not run)" : $" in {run.Path}")}.").ConfigureAwait(false);
            foreach (var shown in frameworks)
            {
                var rows = matrix.For(shown).ToList();
                await output.WriteLineAsync().ConfigureAwait(false);
                var covered = rows.Count(r => r.Status != ControlStatus.NotCovered);
                await output.WriteLineAsync($"{shown.Title}: {covered} of {rows.Count} controls covered, {rows.Count(r => r.Status == ControlStatus.Passed)} passed, {rows.Count(r => r.Status == ControlStatus.Failed)} failed; {rows.Count - covered} not covered (tag a story like {shown.TagExample} to cover one).").ConfigureAwait(false);
                TextTable.Write(output, ["Control", "Name", "Status", "Stories"], rows.Select(r => (IReadOnlyList<string>)[r.Control.Id, r.Control.Name, ControlMatrix.Name(r.Status), ControlMatrix.DescribeStories(r)]));
            }

            return CliApp.Success;
        });
        return command;
    }

    // A scenario's status in a run: the run names an outline row "Scenario [example]".
    private static StoryStatus? StatusIn(ResultsFile? run, FeatureScenarioInfo scenario)
    {
        var name = scenario.Example is null ? scenario.ScenarioName : $"{scenario.ScenarioName} [{scenario.Example}]";
        return run?.Stories.FirstOrDefault(s => s.File == scenario.FeatureFile && s.Scenario == name)?.Status;
    }
}
