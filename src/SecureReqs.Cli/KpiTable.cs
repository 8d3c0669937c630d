using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SecureReqs.Cli;

/// <summary>Renders the KPI table: story, KPI, measured, bound, threshold, verdict.</summary>
internal static class KpiTable
{
    public static void Write(SecurityReport report, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var table = new Table { Border = TableBorder.Markdown };
        table.AddColumns("Story", "KPI", "Measured", "Bound", "Threshold", "Verdict");
        foreach (var story in report.Stories)
        {
            var name = $"{story.Feature}: {story.Scenario}";
            var requirements = story.Record?.Requirements ?? [];
            if (requirements.Count == 0)
            {
                table.AddRow(Text(name), Text("-"), Text("-"), Text("-"), Text("-"), Text(ResultsJsonWriter.Name(story.Status).ToUpperInvariant()));
                continue;
            }

            foreach (var r in requirements)
            {
                table.AddRow(
                    Text(name),
                    Text(r.Kpi),
                    Text(double.IsNaN(r.Measured) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{KpiRequirement.Percent(r.Measured)} ({r.Count}/{r.Total})")),
                    Text(double.IsNaN(r.Bound) ? "-" : KpiRequirement.Percent(r.Bound)),
                    Text((r.Comparison == Comparison.AtLeast ? ">= " : "<= ") + KpiRequirement.Percent(r.Threshold)),
                    Text(ResultsJsonWriter.Name(r.Verdict).ToUpperInvariant()));
            }
        }

        console.Write(table);
        foreach (var story in report.Stories)
        {
            foreach (var r in story.Record?.Requirements ?? [])
            {
                WriteBreakdown(writer, story, r, "technique", r.Breakdown);
                WriteBreakdown(writer, story, r, "mutator", r.MutatorBreakdown);
            }
        }
    }

    private static void WriteBreakdown(TextWriter writer, StoryOutcome story, RequirementResult r, string by, IReadOnlyList<KpiBreakdownRow> rows)
    {
        if (rows.Count < 2)
        {
            return;
        }

        writer.WriteLine($"{story.Scenario} — {r.Kpi} by {by}: {string.Join(", ", rows.Select(row => string.Create(CultureInfo.InvariantCulture, $"{row.Technique} {row.Count}/{row.Total}")))}");
    }

    private static IRenderable Text(string text) => new Text(text);
}
