using System.Globalization;
using System.Text;

namespace SecureReqs;

/// <summary>
/// Renders a short Markdown summary of a run for a CI job page (GitHub's <c>$GITHUB_STEP_SUMMARY</c>): the stories by
/// verdict, each requirement with its measured rate, bound and threshold, warnings, why stories did not pass, and the
/// controls covered.
/// </summary>
/// <remarks>Thread-safe. Messages carry a few case ids, never evidence, so no PII reaches the summary.</remarks>
public static class MarkdownSummaryWriter
{
    /// <summary>The environment variable GitHub Actions sets to the file a step appends its summary to.</summary>
    public const string GitHubStepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>Renders the summary.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown.</returns>
    public static string Render(SecurityReport report)
    {
        var md = new StringBuilder();
        var verdict = report.AllPassed ? "passed" : "did not pass";
        md.Append(CultureInfo.InvariantCulture, $"## SecureReqs: the security stories {verdict}\n\n");
        if (IncompleteWarning(report) is { } incomplete)
        {
            md.Append(CultureInfo.InvariantCulture, $"> **{incomplete}**\n\n");
        }
        md.Append(string.Join(" · ", Enum.GetValues<StoryStatus>().Select(s => $"**{report.Count(s)}** {ResultsJsonWriter.Name(s)}")));
        md.Append(CultureInfo.InvariantCulture, $" — {report.Stories.Count} stor{(report.Stories.Count == 1 ? "y" : "ies")}{(report.Target is null ? "" : $" against `{Cell(report.Target)}`")}.\n\n");

        md.Append("| Story | Status | Requirement | Measured | Bound | Verdict |\n|---|---|---|---|---|---|\n");
        foreach (var story in report.Stories)
        {
            var name = Cell($"{story.Feature}: {story.Scenario}");
            var status = ResultsJsonWriter.Name(story.Status);
            if (story.Results.Count == 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {name} | {status} | – | – | – | – |\n");
                continue;
            }

            foreach (var r in story.Results)
            {
                var measured = double.IsNaN(r.Measured) ? "n/a" : $"{KpiRequirement.Percent(r.Measured)} ({r.Count}/{r.Total})";
                md.Append(CultureInfo.InvariantCulture, $"| {name} | {status} | {Cell(r.Requirement)} | {measured} | {(double.IsNaN(r.Bound) ? "–" : KpiRequirement.Percent(r.Bound))} | {ResultsJsonWriter.Name(r.Verdict)} |\n");
            }
        }

        var warnings = report.Stories.SelectMany(s => s.Warnings.Select(w => (Story: s, Warning: w))).ToList();
        if (warnings.Count > 0)
        {
            md.Append("\n### Warnings\n\n");
            foreach (var (story, warning) in warnings)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{Cell(story.Scenario)}**: {Cell(warning)}\n");
            }
        }

        var failing = report.Stories.Where(s => s.Status is not (StoryStatus.Passed or StoryStatus.Skipped)).ToList();
        if (failing.Count > 0)
        {
            md.Append("\n### Why stories did not pass\n\n");
            foreach (var story in failing)
            {
                md.Append(CultureInfo.InvariantCulture, $"<details><summary>{ResultsJsonWriter.Name(story.Status).ToUpperInvariant()}: {Html(story.Feature)}: {Html(story.Scenario)} ({Html(story.File)}{(story.Line > 0 ? ":" + story.Line.ToString(CultureInfo.InvariantCulture) : "")})</summary>\n\n");
                // One short line per requirement that did not pass (a few case ids each; report.html has every case).
                var notPassed = story.Results.Where(r => r.Verdict != Verdict.Pass).ToList();
                var text = story.Status == StoryStatus.Error || notPassed.Count == 0
                    ? story.Message ?? ""
                    : string.Join("\n", notPassed.Select(r => $"{ResultsJsonWriter.Name(r.Verdict).ToUpperInvariant()}: {RequirementSummary.Short(r)}"));
                md.Append("```text\n").Append(text.Replace("```", "'''", StringComparison.Ordinal).TrimEnd()).Append("\n```\n\n</details>\n\n");
            }
        }

        var covered = ControlMatrix.From(report).Rows.Where(r => r.Status != ControlStatus.NotCovered).ToList();
        if (covered.Count > 0)
        {
            md.Append("\n### Controls\n\n| Control | Status | Stories |\n|---|---|---|\n");
            foreach (var row in covered)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Framework.Key)}: {Cell(row.Control.Title)} | {ControlMatrix.Name(row.Status)} | {Cell(ControlMatrix.DescribeStories(row))} |\n");
            }
        }

        md.Append("\nThe full report (HTML, results.json, JUnit, SARIF) is in the job's report folder.\n\n");
        return md.ToString();
    }

    private static string Cell(string text) => Html(text).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Html(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Why a report shows no verdict a release may rely on, or null when it does.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The sentence, or null.</returns>
    public static string? IncompleteWarning(SecurityReport report) =>
        report.DryRun ? "DRY RUN: the steps were matched but nothing was sent or measured; these results can never pass a gate."
        : report.Interrupted ? "INTERRUPTED: the run was stopped before every story ran; these results are incomplete and can never pass a gate."
        : !report.Complete ? "INCOMPLETE: the run is still in progress or ended before writing its results; these results can never pass a gate."
        : null;
}
