using System.CommandLine;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs gate &lt;results.json&gt; [--baseline &lt;previous results.json&gt;] [--milestone &lt;name&gt; [--policy &lt;file&gt;]]</c>:
/// exit 0 when every story passed, no KPI is significantly worse than in the baseline and (with a milestone) every
/// control the milestone requires is covered by passing stories; 1 otherwise; 2 when a file cannot be read or the policy
/// is malformed.
/// </summary>
internal static class GateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var results = new Argument<FileInfo>("results") { Description = "The results.json of the run to gate." };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "The results.json of a previous run (the last release); a KPI significantly worse than there fails the gate even when it clears its threshold." };
        var milestone = new Option<string?>("--milestone") { Description = "A milestone of the coverage policy (such as alpha, beta, ga): every control it requires must be covered by stories in these results that all passed." };
        var policy = new Option<FileInfo?>("--policy") { Description = $"The coverage policy that names the milestones (default: {CoveragePolicy.DefaultFileName} in the current folder; docs/coverage.md)." };
        var command = new Command("gate", "Gate a release: exit 0 when every story passed, no KPI regressed significantly against the baseline and every control the milestone requires is covered by passing stories; 1 when a story failed, was inconclusive or could not run, a KPI regressed or a required control is not covered or not passing; 2 when a results or policy file cannot be read.")
        {
            results,
            baseline,
            milestone,
            policy,
        };
        command.SetAction(async (parse, _) =>
        {
            if (parse.GetValue(milestone) is null && parse.GetValue(policy) is { } unused)
            {
                await error.WriteLineAsync($"securereqs: --policy {unused.Name} is given without --milestone. Name the milestone to gate on, such as --milestone beta.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            // The policy is read first: a malformed policy or an unknown milestone is a usage error whatever the results say.
            var required = parse.GetValue(milestone) is { } name
                ? CoveragePolicy.Load(parse.GetValue(policy)?.FullName ?? Path.GetFullPath(CoveragePolicy.DefaultFileName)).Milestone(name)
                : null;
            var current = ResultsJsonReader.Read(parse.GetValue(results)!.FullName);
            var previous = parse.GetValue(baseline) is { } b ? ResultsJsonReader.Read(b.FullName) : null;
            var gate = ReleaseGate.Evaluate(current, previous);
            var checks = required is null ? [] : MilestoneGate.Evaluate(required, MilestoneGate.StoriesOf(current));
            IReadOnlyList<string> failures = [.. gate.Failures, .. checks.Where(c => !c.Passed).Select(c => c.Problem!)];

            // A results file is input like any other: control characters in it never reach the terminal as codes.
            using (var text = new StringWriter())
            {
                await WriteAsync(gate, current, previous, text).ConfigureAwait(false);
                if (required is not null)
                {
                    await WriteMilestoneAsync(required, checks, text).ConfigureAwait(false);
                }

                await WriteVerdictAsync(failures, previous is not null, required, current.Stories.Count(st => st.Status == StoryStatus.Skipped), text).ConfigureAwait(false);
                await output.WriteAsync(ReportSanitizer.EscapeControls(text.ToString())).ConfigureAwait(false);
            }

            return failures.Count == 0 ? CliApp.Success : CliApp.Failed;
        });
        return command;
    }

    // The story column keeps 30 characters, then the KPI column 24, before either is wrapped further, as the KPI table.
    private static readonly IReadOnlyList<(int Column, int Floor)> Shrink = [(0, KpiTable.StoryFloor), (1, KpiTable.KpiFloor), (0, TextTable.MinimumShrunkWidth)];

    // A story's name is shown on its first row only.
    private static IEnumerable<IReadOnlyList<string>> Once(IEnumerable<IReadOnlyList<string>> rows)
    {
        string? previous = null;
        foreach (var row in rows)
        {
            yield return row[0] == previous ? ["", .. row.Skip(1)] : row;
            previous = row[0];
        }
    }

    private static async Task WriteAsync(GateResult gate, ResultsFile current, ResultsFile? baseline, TextWriter output)
    {
        if (baseline is null)
        {
            await output.WriteLineAsync($"Gate on {current.Path} ({current.Stories.Count} stories, no baseline):").ConfigureAwait(false);
            TextTable.Write(output, ["Scenario", "KPI", "Measured", "Verdict"], Once(gate.Rows.Select(r => (IReadOnlyList<string>)[r.Scenario, r.Kpi, r.Current ?? "n/a", Verdict(r)])), Shrink, TextTable.DefaultWidth);
        }
        else
        {
            await output.WriteLineAsync($"Gate on {current.Path} against the baseline {baseline.Path}:").ConfigureAwait(false);
            TextTable.Write(
                output,
                ["Scenario", "KPI", "Baseline", "Current", "Change", "p", "Result", "Verdict"],
                Once(gate.Rows.Select(r => (IReadOnlyList<string>)[r.Scenario, r.Kpi, r.Baseline ?? "–", r.Current ?? "–", r.Difference ?? "–", ReleaseGate.P(r.PValue), Describe(r), Verdict(r)])),
                Shrink,
                TextTable.DefaultWidth);
            await output.WriteLineAsync("(p: one-sided Fisher exact test that the current KPI is worse than the baseline's.)").ConfigureAwait(false);
        }

        foreach (var note in gate.Notes)
        {
            await output.WriteLineAsync("Note: " + note).ConfigureAwait(false);
        }
    }

    private static async Task WriteMilestoneAsync(CoverageMilestone milestone, IReadOnlyList<MilestoneCheck> checks, TextWriter output)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Milestone \"{milestone.Name}\"{(milestone.Description.Length > 0 ? $" ({milestone.Description})" : "")}: {checks.Count(c => c.Passed)} of {checks.Count} required controls covered by passing stories.").ConfigureAwait(false);
        TextTable.Write(
            output,
            ["Control", "Name", "Stories", "Verdict"],
            checks.Select(c => (IReadOnlyList<string>)[c.Required.Tag, c.Required.Control.Name, ControlMatrix.DescribeStories(c.Stories), c.Passed ? "pass" : c.Stories.Count == 0 ? "NOT COVERED" : "NOT PASSING"]));
    }

    private static async Task WriteVerdictAsync(IReadOnlyList<string> failures, bool haveBaseline, CoverageMilestone? milestone, int skipped, TextWriter output)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        if (failures.Count == 0)
        {
            // A skipped story showed nothing: the verdict says the gate rests on the stories that ran.
            List<string> held = [skipped == 0 ? "every story passed" : $"every story that ran passed ({skipped} skipped as not applicable to this target: they show nothing either way)"];
            if (haveBaseline)
            {
                held.Add("no KPI is significantly worse than in the baseline");
            }

            if (milestone is not null)
            {
                held.Add($"every control the milestone \"{milestone.Name}\" requires is covered by passing stories");
            }

            var all = held.Count == 1 ? held[0] : $"{string.Join(", ", held[..^1])} and {held[^1]}";
            await output.WriteLineAsync($"GATE PASSED: {all}.").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"GATE FAILED ({failures.Count} reason{(failures.Count == 1 ? "" : "s")}):").ConfigureAwait(false);
        foreach (var failure in failures)
        {
            await output.WriteLineAsync("- " + failure).ConfigureAwait(false);
        }
    }

    private static string Describe(GateRow row)
    {
        var change = row.Change switch
        {
            KpiChange.Regressed => "REGRESSED",
            KpiChange.Worse => "worse, not significant",
            KpiChange.Improved => "improved",
            KpiChange.Better => "better, not significant",
            KpiChange.Unchanged => "unchanged",
            KpiChange.New => "new",
            KpiChange.Removed => "removed",
            KpiChange.NotMeasured => "not measured",
            _ => "not compared",
        };
        return row.Note is null ? change : $"{change} ({row.Note})";
    }

    private static string Verdict(GateRow row) => row.Verdict is { } verdict ? ResultsJsonWriter.Name(verdict) : "–";
}
