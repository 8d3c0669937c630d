using System.Globalization;

namespace SecureReqs.Cli;

/// <summary>Renders the KPI table: story, KPI, measured, bound, threshold, verdict.</summary>
internal static class KpiTable
{
    public static void Write(SecurityReport report, TextWriter writer)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var story in report.Stories)
        {
            var name = $"{story.Feature}: {story.Scenario}";
            var requirements = story.Record?.Requirements ?? [];
            if (requirements.Count == 0)
            {
                rows.Add([name, "-", "-", "-", "-", ResultsJsonWriter.Name(story.Status).ToUpperInvariant()]);
                continue;
            }

            foreach (var r in requirements)
            {
                rows.Add(
                [
                    name,
                    r.Kpi,
                    double.IsNaN(r.Measured) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{KpiRequirement.Percent(r.Measured)} ({r.Count}/{r.Total})"),
                    double.IsNaN(r.Bound) ? "-" : KpiRequirement.Percent(r.Bound),
                    (r.Comparison == Comparison.AtLeast ? ">= " : "<= ") + KpiRequirement.Percent(r.Threshold),
                    ResultsJsonWriter.Name(r.Verdict).ToUpperInvariant(),
                ]);
            }
        }

        TextTable.Write(writer, ["Story", "KPI", "Measured", "Bound", "Threshold", "Verdict"], rows);
        foreach (var story in report.Stories)
        {
            foreach (var r in story.Record?.Requirements ?? [])
            {
                WriteBreakdown(writer, story, r, "technique", r.Breakdown);
                WriteBreakdown(writer, story, r, "mutator", r.MutatorBreakdown);
            }
        }
    }

    private static void WriteBreakdown(TextWriter writer, ResultsStory story, RequirementResult r, string by, IReadOnlyList<KpiBreakdownRow> rows)
    {
        if (rows.Count < 2)
        {
            return;
        }

        writer.WriteLine($"{story.Scenario} — {r.Kpi} by {by}: {string.Join(", ", rows.Select(row => string.Create(CultureInfo.InvariantCulture, $"{row.Technique} {row.Count}/{row.Total}")))}");
    }
}
