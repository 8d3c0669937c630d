using System.CommandLine;
using System.Globalization;
using SecureReqs.Endpoints;
using SecureReqs.Runner;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs lint [features-dir] [--target ..] [--config ..] [--datasets ..]</c>: checks every story without sending a
/// request (every step binds; KPI names, thresholds, confidences and PII types are valid; datasets exist and match their
/// manifests; each claim can be shown with the cases it has; leak stories have a declared system prompt; agent stories a
/// tool policy) and says how many requests the run will send. Exit 0 when there is no problem, 2 otherwise.
/// </summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment)
    {
        var features = new Argument<DirectoryInfo?>("features-dir") { Arity = ArgumentArity.ZeroOrOne, Description = "The folder of .feature files (default: features/)." };
        var target = new Option<string?>("--target") { Description = "Check every story against this target instead of the one it names." };
        var datasets = new Option<DirectoryInfo?>("--datasets") { Description = "The datasets folder (default: the nearest adversarial-datasets/ above the features folder)." };
        var config = RunCommand.ConfigOption();
        var tags = RunCommand.TagsOption();
        var command = new Command("lint", "Check every story without sending a single request: exit 0 when every story can run, 2 with each problem, its file and line, and the fix.")
        {
            features,
            target,
            datasets,
            config,
            tags,
        };
        command.SetAction(async (parse, ct) =>
        {
            var session = new StorySession
            {
                FeaturesDirectory = parse.GetValue(features)?.FullName ?? Path.GetFullPath("features"),
                Target = parse.GetValue(target),
                DatasetsDirectory = parse.GetValue(datasets)?.FullName,
                ConfigFile = parse.GetValue(config)?.FullName,
                Tags = parse.GetValue(tags),
                EndpointSettings = new EndpointTargetSettings { TimeProvider = time, UseCache = false, GetEnvironmentVariable = environment.Get },
                Time = time,
            };
            using var endpoints = RunCommand.LoadEndpoints(session.ConfigFile, session.EndpointSettings);
            if (session.CheckArguments() is { } problem)
            {
                await error.WriteLineAsync("securereqs: " + problem).ConfigureAwait(false);
                return CliApp.UsageError;
            }
            var preflight = await PreflightAsync(session, endpoints, ct).ConfigureAwait(false);
            await WriteAsync(preflight, output, error).ConfigureAwait(false);
            return preflight.Problems.Count == 0 ? CliApp.Success : CliApp.UsageError;
        });
        return command;
    }

    /// <summary>Reads every story and checks it without sending anything.</summary>
    /// <param name="session">The invocation.</param>
    /// <param name="endpoints">The configured targets, or null.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>What was found.</returns>
    public static async Task<PreflightResult> PreflightAsync(StorySession session, EndpointTargets? endpoints, CancellationToken cancellationToken)
    {
        var settings = session.Settings(endpoints, preflight: true, cancellationToken);
        var runner = session.Runner(settings, null);
        var results = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<StoryProblem>();
        long planned = 0;
        var checkedStories = 0;
        if (runner.DryRun)
        {
            problems.Add(new StoryProblem("", "", ["REQNROLL_DRY_RUN is set: in a dry run no step binding runs, so no story can be checked or shown. Unset REQNROLL_DRY_RUN."]));
        }

        foreach (var result in results.Where(r => r.Status != ScenarioRunStatus.Skipped))
        {
            checkedStories++;
            var record = settings.Journal.Find(result.Id);
            var where = result.Line > 0 ? $"{result.FeatureFile}:{result.Line.ToString(CultureInfo.InvariantCulture)}" : result.FeatureFile;
            List<string> named = [];
            if (result.PickleIndex >= 0 && (result.ScenarioName.Trim().Length == 0 || result.FeatureName.Trim().Length == 0))
            {
                // The name is how reports, the gate and a baseline find a story: a story without one cannot be followed.
                var what = result.FeatureName.Trim().Length == 0 ? "feature has no name: write what the feature is about after 'Feature:'" : "scenario has no name: write what the story shows after 'Scenario:'";
                named.Add($"The {what}; reports, the gate and a baseline find stories by name.");
            }

            if (result.Status == ScenarioRunStatus.Passed)
            {
                planned += record?.PlannedRequests ?? 0;
                if (named.Count > 0)
                {
                    problems.Add(new StoryProblem(where, result.DisplayName, named));
                }

                continue;
            }

            if (runner.DryRun)
            {
                continue;
            }

            IReadOnlyList<string> details = result.Status is ScenarioRunStatus.Failed && record is { Problems.Count: > 0 }
                ? [.. record.Problems]
                : [result.Message ?? result.Status.ToString(), .. record?.Problems ?? []];
            problems.Add(new StoryProblem(where, result.ScenarioName.Length == 0 ? result.FeatureName : result.DisplayName, [.. named, .. details]));
        }

        return new PreflightResult(problems, checkedStories, planned);
    }

    /// <summary>Prints the problems, or the planned requests.</summary>
    /// <param name="preflight">What was found.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error (problems).</param>
    /// <returns>A task.</returns>
    public static async Task WriteAsync(PreflightResult preflight, TextWriter output, TextWriter error)
    {
        if (preflight.Problems.Count == 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Pre-flight: {preflight.Stories} stor{(preflight.Stories == 1 ? "y" : "ies")} checked, no problem found. The run will send at most {preflight.PlannedRequests:N0} requests.")).ConfigureAwait(false);
            return;
        }

        foreach (var problem in preflight.Problems)
        {
            await error.WriteLineAsync(problem.Where.Length == 0 ? "securereqs:" : $"{problem.Where}: {problem.Story}").ConfigureAwait(false);
            foreach (var detail in problem.Details)
            {
                foreach (var (line, i) in detail.Split('\n').Select((l, i) => (l.TrimEnd('\r'), i)))
                {
                    await error.WriteLineAsync((i == 0 ? "  - " : "    ") + ReportSanitizer.EscapeControls(line)).ConfigureAwait(false);
                }
            }
        }

        var stories = preflight.Problems.Count(p => p.Where.Length > 0);
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Pre-flight: {preflight.Stories} stor{(preflight.Stories == 1 ? "y" : "ies")} checked, {stories} with problems. Nothing was sent; fix the problems above and run again.")).ConfigureAwait(false);
    }
}

/// <summary>The problems of one story found before any request.</summary>
/// <param name="Where">The feature file and line, or empty for a problem of the whole run.</param>
/// <param name="Story">The story's name.</param>
/// <param name="Details">Each problem, with its fix.</param>
internal sealed record StoryProblem(string Where, string Story, IReadOnlyList<string> Details);

/// <summary>What a pre-flight found.</summary>
/// <param name="Problems">The problems; empty when every story can run.</param>
/// <param name="Stories">The stories checked.</param>
/// <param name="PlannedRequests">The requests the run will send at most.</param>
internal sealed record PreflightResult(IReadOnlyList<StoryProblem> Problems, int Stories, long PlannedRequests);
