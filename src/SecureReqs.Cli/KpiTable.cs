using System.Globalization;

namespace SecureReqs.Cli;

/// <summary>
/// Renders the KPI table (story, KPI, measured, bound, required, verdict) and the breakdown lines, within
/// <see cref="TextTable.DefaultWidth"/> columns: the story column shows the scenario's name once, on its first row,
/// and it and the KPI column wrap when the table would be wider (the failure lines below and the reports carry the
/// feature's name too).
/// </summary>
internal static class KpiTable
{
    /// <summary>The width the story column keeps before the KPI column is shortened.</summary>
    public const int StoryFloor = 30;

    /// <summary>The width the KPI column keeps before the story column is shortened further.</summary>
    public const int KpiFloor = 24;

    public static void Write(SecurityReport report, TextWriter writer, int width = TextTable.DefaultWidth)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var story in report.Stories)
        {
            var name = story.Scenario;
            var requirements = story.Record?.Requirements ?? [];
            if (requirements.Count == 0)
            {
                rows.Add([name, "-", "-", "-", "-", ResultsJsonWriter.Name(story.Status).ToUpperInvariant()]);
                continue;
            }

            foreach (var (r, i) in requirements.Select((r, i) => (r, i)))
            {
                rows.Add(
                [
                    i == 0 ? name : "",
                    r.Kpi,
                    double.IsNaN(r.Measured) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{KpiRequirement.Percent(r.Measured)} ({r.Count}/{r.Total})"),
                    double.IsNaN(r.Bound) ? "-" : KpiRequirement.Percent(r.Bound),
                    (r.Comparison == Comparison.AtLeast ? ">= " : "<= ") + KpiRequirement.Percent(r.Threshold),
                    ResultsJsonWriter.Name(r.Verdict).ToUpperInvariant(),
                ]);
            }
        }

        TextTable.Write(writer, ["Story", "KPI", "Measured", "Bound", "Required", "Verdict"], rows, [(0, StoryFloor), (1, KpiFloor), (0, TextTable.MinimumShrunkWidth)], width);
        foreach (var story in report.Stories)
        {
            foreach (var r in story.Record?.Requirements ?? [])
            {
                WriteBreakdown(writer, story, r, "technique", r.Breakdown, width);
                WriteBreakdown(writer, story, r, "mutator", r.MutatorBreakdown, width);
            }
        }
    }

    /// <summary>What a KPI's count means, for a breakdown's heading: "redacted", "leaked", or "counted".</summary>
    /// <param name="kpi">The KPI's name.</param>
    /// <returns>The words.</returns>
    public static string CountedAs(string kpi) => KpiCatalog.Default.Find(kpi)?.CountedAs ?? "counted";

    private static void WriteBreakdown(TextWriter writer, ResultsStory story, RequirementResult r, string by, IReadOnlyList<KpiBreakdownRow> rows, int width)
    {
        if (rows.Count < 2)
        {
            return;
        }

        var line = $"{story.Scenario} — {r.Kpi} by {by} ({CountedAs(r.Kpi)}/cases): {string.Join(", ", rows.Select(row => string.Create(CultureInfo.InvariantCulture, $"{row.Technique} {row.Count}/{row.Total}")))}";
        foreach (var part in TextTable.Wrap(line, width, "    "))
        {
            writer.WriteLine(part);
        }
    }
}
