using System.CommandLine;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs gate &lt;results.json&gt; [--baseline &lt;previous results.json&gt;]</c>: exit 0 when every story passed
/// and no KPI is significantly worse than in the baseline, 1 otherwise, 2 when a file cannot be read.
/// </summary>
internal static class GateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var results = new Argument<FileInfo>("results") { Description = "The results.json of the run to gate." };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "The results.json of a previous run (the last release); a KPI significantly worse than there fails the gate even when it clears its threshold." };
        var command = new Command("gate", "Gate a release: exit 0 when every story passed and no KPI regressed significantly against the baseline, 1 when a story failed, was inconclusive or could not run, or a KPI regressed, 2 when a results file cannot be read.")
        {
            results,
            baseline,
        };
        command.SetAction(async (parse, _) =>
        {
            var current = ResultsJsonReader.Read(parse.GetValue(results)!.FullName);
            var previous = parse.GetValue(baseline) is { } b ? ResultsJsonReader.Read(b.FullName) : null;
            var gate = ReleaseGate.Evaluate(current, previous);

            // A results file is input like any other: control characters in it never reach the terminal as codes.
            using (var text = new StringWriter())
            {
                await WriteAsync(gate, current, previous, text).ConfigureAwait(false);
                await output.WriteAsync(ReportSanitizer.EscapeControls(text.ToString())).ConfigureAwait(false);
            }

            return gate.Passed ? CliApp.Success : CliApp.Failed;
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

        await output.WriteLineAsync().ConfigureAwait(false);
        if (gate.Passed)
        {
            await output.WriteLineAsync($"GATE PASSED: every story passed{(baseline is null ? "" : " and no KPI is significantly worse than in the baseline")}.").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"GATE FAILED ({gate.Failures.Count} reason{(gate.Failures.Count == 1 ? "" : "s")}):").ConfigureAwait(false);
        foreach (var failure in gate.Failures)
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
