using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SecureReqs;

/// <summary>
/// Writes a self-contained HTML report for product managers: the stories by verdict, a chart per KPI showing the
/// measured rate, its one-sided confidence interval and the threshold, breakdown tables, the evidence of the cases that
/// stand against a requirement (PII masked), and the control coverage matrix.
/// </summary>
/// <remarks>
/// <para>The page loads nothing: no scripts, fonts, styles or images from anywhere. A content security policy forbids
/// every load and allows only the page's own style sheet and script by hash, so a browser reports any attempt.</para>
/// <para>The page's script checks its own rendering: it sets <c>data-kpi-charts</c> (the charts on the page) and
/// <c>data-rendered-kpis</c> (those whose marks the browser laid out) on <c>body</c>, and lists script errors in
/// <c>#script-errors</c> with their count in <c>data-script-errors</c>. Thread-safe.</para>
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>The most evidence rows one story shows.</summary>
    public const int MaxEvidenceRows = 200;

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2430;padding:0 1rem;line-height:1.4}
        h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #dde;padding-bottom:.3rem}h3{font-size:1rem;margin:.2rem 0}
        a{color:#1f4fa3}
        .cards{display:flex;gap:1rem;flex-wrap:wrap;margin:.6rem 0}.card{border-radius:8px;padding:.8rem 1.2rem;min-width:7rem;background:#f4f6fa}
        .card b{display:block;font-size:1.6rem}
        .passed,.pass{color:#17663a}.failed,.error,.fail{color:#a4161a}.inconclusive,.not-run{color:#9a6700}.skipped,.not-covered{color:#666}
        .badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.8rem;font-weight:600;background:#eef}
        table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7ef;vertical-align:top;font-size:.9rem}
        th{background:#f7f8fb}pre{white-space:pre-wrap;word-break:break-word;margin:0;font-size:.8rem}
        .msg{background:#fff8e6;border-left:3px solid #e0a800;padding:.4rem .6rem;margin:.5rem 0;font-size:.9rem}
        .warn{background:#fff1f0;border-left:3px solid #c0392b;padding:.4rem .6rem;margin:.5rem 0;font-size:.9rem}
        .kpi{border:1px solid #e5e7ef;border-radius:8px;padding:.7rem 1rem;margin:.8rem 0}
        .kpi svg{display:block;max-width:100%;height:auto}
        .note{color:#555;font-size:.85rem}
        .status-cell{font-weight:600}
        """;

    private const string RenderCheck = """
        (function () {
          var errors = 0;
          var list = document.getElementById('script-errors');
          function note(message) {
            errors++;
            var item = document.createElement('li');
            item.textContent = message;
            list.appendChild(item);
            list.hidden = false;
            document.body.setAttribute('data-script-errors', String(errors));
          }
          window.addEventListener('error', function (e) { note(String(e.message || e)); });
          window.addEventListener('securitypolicyviolation', function (e) { note('blocked: ' + e.blockedURI + ' (' + e.violatedDirective + ')'); });
          document.body.setAttribute('data-script-errors', '0');
          function laidOut(element) {
            if (!element) { return null; }
            var box = element.getBBox();
            return box.width > 0 || box.height > 0 ? box : null;
          }
          try {
            var charts = document.querySelectorAll('svg.kpi-chart');
            var rendered = 0;
            for (var i = 0; i < charts.length; i++) {
              var svg = charts[i];
              var frame = svg.getBoundingClientRect();
              var axis = laidOut(svg.querySelector('.axis'));
              var measured = laidOut(svg.querySelector('.measured'));
              var threshold = laidOut(svg.querySelector('.threshold'));
              var centre = measured ? measured.x + measured.width / 2 : NaN;
              if (frame.width > 0 && frame.height > 0 && axis && measured && threshold
                  && centre >= axis.x - 1 && centre <= axis.x + axis.width + 1) {
                rendered++;
                svg.setAttribute('data-rendered', 'true');
              }
            }
            document.body.setAttribute('data-kpi-charts', String(charts.length));
            document.body.setAttribute('data-rendered-kpis', String(rendered));
          } catch (e) {
            note(String(e));
          }
        })();
        """;

    /// <summary>Renders the report as one HTML page.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML.</returns>
    public static string Render(SecurityReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(RenderCheck)}'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        html.Append("<title>SecureReqs security report</title>\n<style>").Append(Style).Append("</style></head><body>\n<h1>SecureReqs security report</h1>\n");
        if (MarkdownSummaryWriter.IncompleteWarning(report) is { } warning)
        {
            html.Append("<p class=\"incomplete\" role=\"alert\"><strong>").Append(E(warning)).Append("</strong></p>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Run {E(report.StartedAt.ToString("u", CultureInfo.InvariantCulture))} – {E(report.FinishedAt.ToString("u", CultureInfo.InvariantCulture))}{(report.Target is null ? "" : ", target " + E(report.Target))}. Rates are checked against exact one-sided Clopper–Pearson bounds. Evidence has PII masked.</p>\n");

        Summary(html, report);
        Warnings(html, report);
        StoriesTable(html, report);
        Coverage(html, ControlMatrix.From(report));
        for (var i = 0; i < report.Stories.Count; i++)
        {
            RenderStory(html, report.Stories[i], i);
        }

        html.Append("<p class=\"note\">Generated by SecureReqs. Results against the built-in demo targets come from a simulated assistant, not from a model.</p>\n");
        html.Append("<ol id=\"script-errors\" hidden></ol>\n<script>").Append(RenderCheck).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, SecurityReport report)
    {
        html.Append("<h2 id=\"summary\">Stories by verdict</h2><div class=\"cards\">");
        foreach (var status in Enum.GetValues<StoryStatus>())
        {
            var name = ResultsJsonWriter.Name(status);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"card {name}\"><b>{report.Count(status)}</b>{name}</div>");
        }

        html.Append("</div>\n");
        if (report.Stories.Count == 0)
        {
            return;
        }

        // One bar split by verdict: the share of stories in each.
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"verdict-bar\" width=\"600\" height=\"22\" viewBox=\"0 0 600 22\" role=\"img\" aria-label=\"{string.Join(", ", Enum.GetValues<StoryStatus>().Select(s => $"{report.Count(s)} {ResultsJsonWriter.Name(s)}"))}\">");
        var x = 0.0;
        foreach (var status in Enum.GetValues<StoryStatus>())
        {
            var width = 600.0 * report.Count(status) / report.Stories.Count;
            if (width > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"0\" width=\"{N(width)}\" height=\"22\" fill=\"{Color(status)}\"><title>{report.Count(status)} {ResultsJsonWriter.Name(status)}</title></rect>");
                x += width;
            }
        }

        html.Append("</svg>\n");
    }

    private static void Warnings(StringBuilder html, SecurityReport report)
    {
        var warnings = report.Stories.SelectMany(s => s.Warnings.Select(w => (Story: s, Warning: w))).ToList();
        if (warnings.Count == 0)
        {
            return;
        }

        html.Append("<h2 id=\"warnings\">Warnings</h2>\n");
        foreach (var (story, warning) in warnings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"warn\"><b>{E(story.Feature)} — {E(story.Scenario)}</b>: {E(warning)}</div>\n");
        }
    }

    private static void StoriesTable(StringBuilder html, SecurityReport report)
    {
        html.Append("<h2>Stories</h2><table><tr><th>Feature</th><th>Scenario</th><th>Status</th><th>Tags</th></tr>\n");
        for (var i = 0; i < report.Stories.Count; i++)
        {
            var story = report.Stories[i];
            var name = ResultsJsonWriter.Name(story.Status);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(story.Feature)}</td><td><a href=\"#story-{i + 1}\">{E(story.Scenario)}</a></td><td class=\"status-cell {name}\">{name}</td><td>{string.Join(" ", story.Tags.Select(t => $"<span class=\"badge\">{E(t)}</span>"))}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Coverage(StringBuilder html, ControlMatrix matrix)
    {
        html.Append("<h2 id=\"coverage\">Control coverage</h2>\n<p class=\"note\">Each control is passed when every story tagged with it passed, failed when one failed, was inconclusive or could not run, not run when its stories were skipped, and not covered when no story is tagged with it.</p>\n");
        foreach (var framework in ControlCatalog.Frameworks)
        {
            var rows = matrix.For(framework).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(framework.Title)}</h3><table class=\"coverage\" data-framework=\"{E(framework.Key)}\"><tr><th>Control</th><th>Name</th><th>Status</th><th>Stories</th></tr>\n");
            foreach (var row in rows)
            {
                var status = ControlMatrix.Name(row.Status);
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Control.Id)}</td><td>{E(row.Control.Name)}</td><td class=\"status-cell {status}\">{status.Replace('-', ' ')}</td><td>{E(ControlMatrix.DescribeStories(row))}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        foreach (var unknown in matrix.UnknownTags)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"warn\">{E(unknown)}</div>\n");
        }
    }

    private static void RenderStory(StringBuilder html, ResultsStory story, int index)
    {
        var status = ResultsJsonWriter.Name(story.Status);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"story\" id=\"story-{index + 1}\"><h2>{E(story.Feature)} — {E(story.Scenario)} <span class=\"{status}\">{status}</span></h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(story.File)}{(story.Line > 0 ? ":" + story.Line.ToString(CultureInfo.InvariantCulture) : "")}");
        if (story.Record?.Run is { } run)
        {
            html.Append(CultureInfo.InvariantCulture, $". Target {E(run.Target)}, dataset {E(run.Dataset)}, {run.Cases.Count} cases: ");
            html.Append(string.Join(", ", Enum.GetValues<Outcome>().Where(o => run.Count(o) > 0).Select(o => $"{run.Count(o)} {ResultsJsonWriter.Name(o)}")));
        }

        html.Append(".</p>\n");
        foreach (var note in story.Record?.Notes ?? [])
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>\n");
        }

        if (story.Message is not null && story.Status != StoryStatus.Passed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"msg\"><pre>{E(story.Message)}</pre></div>\n");
        }

        foreach (var r in story.Results)
        {
            RenderRequirement(html, r);
        }

        var evidence = story.Results.SelectMany(r => r.AgainstCases).DistinctBy(c => c.Id).OrderBy(c => c.Instance.Index).ToList();
        if (evidence.Count > 0)
        {
            html.Append("<details><summary>Evidence (").Append(evidence.Count).Append(evidence.Count > MaxEvidenceRows ? $" cases, the first {MaxEvidenceRows} shown" : " cases").Append(", PII masked)</summary><table><tr><th>Case</th><th>Technique</th><th>Finding</th><th>Request</th><th>Answer</th></tr>\n");
            foreach (var c in evidence.Take(MaxEvidenceRows))
            {
                var request = string.Join("\n", c.Instance.Context.Select(x => "context: " + x.Text).Concat(c.Instance.Turns.Select(t => $"{t.Role}: {t.Content}")));
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Id)}</td><td>{E(c.Technique)}{(c.Mutator == "none" ? "" : " + " + E(c.Mutator))}</td><td>{E(EvidenceMasker.Mask(c.Finding, c.Instance.Planted))}</td><td><pre>{E(EvidenceMasker.Mask(request, c.Instance.Planted))}</pre></td><td><pre>{E(EvidenceMasker.Mask(string.Join("\n---\n", c.Answers), c.Instance.Planted))}</pre></td></tr>\n");
            }

            html.Append("</table></details>\n");
        }

        html.Append("</section>\n");
    }

    private static void RenderRequirement(StringBuilder html, RequirementResult r)
    {
        var verdict = ResultsJsonWriter.Name(r.Verdict);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"kpi\" data-kpi=\"{E(r.Kpi)}\"><h3>{E(r.Requirement)} <span class=\"{verdict}\">{verdict}</span></h3>\n");
        if (KpiCatalog.Default.All.FirstOrDefault(k => string.Equals(k.Name, r.Kpi, StringComparison.OrdinalIgnoreCase)) is { } kpi)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(kpi.Definition)}</p>\n");
        }

        html.Append(Chart(r)).Append('\n');
        if (!double.IsNaN(r.Measured))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Dot: the measured rate. Line: the requirement; green is where it holds.{(double.IsNaN(r.Bound) ? "" : $" Band: where the true rate lies with {KpiRequirement.Percent(r.Confidence)} confidence; the requirement passes only when the whole band is green.")}</p>\n");
        }

        var measured = double.IsNaN(r.Measured) ? "not measured" : $"{KpiRequirement.Percent(r.Measured)} ({r.Count} of {r.Total})";
        var bound = double.IsNaN(r.Bound) ? "" : $"; {KpiRequirement.Percent(r.Confidence)} confidence: {(r.Comparison == Comparison.AtLeast ? "at least" : "at most")} {KpiRequirement.Percent(r.Bound)}";
        html.Append(CultureInfo.InvariantCulture, $"<p>Measured {measured}{bound}; required {(r.Comparison == Comparison.AtLeast ? "at least" : "at most")} {KpiRequirement.Percent(r.Threshold)}.</p>\n");
        if (r.Verdict != Verdict.Pass)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"msg\">{E(r.Message)}</div>\n");
        }

        if (r.Warning is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"warn\">{E(r.Warning)}</div>\n");
        }

        BreakdownTable(html, r.Kpi, "technique", r.Breakdown);
        BreakdownTable(html, r.Kpi, "mutator", r.MutatorBreakdown);
        html.Append("</div>\n");
    }

    private static void BreakdownTable(StringBuilder html, string kpi, string by, IReadOnlyList<KpiBreakdownRow> rows)
    {
        if (rows.Count < 2)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<details><summary>{E(kpi)} by {by}</summary><table class=\"breakdown\"><tr><th>{char.ToUpperInvariant(by[0])}{by[1..]}</th><th>Counted</th><th>Cases</th><th>Rate</th></tr>");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Technique)}</td><td>{row.Count}</td><td>{row.Total}</td><td>{KpiRequirement.Percent(row.Rate)}</td></tr>");
        }

        html.Append("</table></details>\n");
    }

    /// <summary>
    /// The KPI chart: an axis zoomed to the values that matter, the side of the threshold where the requirement holds
    /// (green), the one-sided confidence interval (band), the threshold (line) and the measured rate (dot).
    /// </summary>
    private static string Chart(RequirementResult r)
    {
        if (double.IsNaN(r.Measured))
        {
            return "";
        }

        var atLeast = r.Comparison == Comparison.AtLeast;
        double[] values = double.IsNaN(r.Bound) ? [r.Measured, r.Threshold] : [r.Measured, r.Threshold, r.Bound];
        var (lo, hi) = (values.Min(), values.Max());
        var pad = Math.Max((hi - lo) * 0.3, 0.02);
        (lo, hi) = (Math.Max(0, lo - pad), Math.Min(1, hi + pad));
        const double Left = 40, Width = 520;
        double X(double v) => Left + (Width * (v - lo) / (hi - lo));
        double Label(double x) => Math.Clamp(x, Left + 30, Left + Width - 30);

        var color = r.Verdict == Verdict.Pass ? "#2e9e5b" : r.Verdict == Verdict.Fail ? "#c0392b" : "#d4a017";
        var side = atLeast ? "≥" : "≤";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"kpi-chart\" data-kpi=\"{E(r.Kpi)}\" width=\"600\" height=\"104\" viewBox=\"0 0 600 104\" role=\"img\" aria-label=\"{E($"{r.Kpi}: measured {KpiRequirement.Percent(r.Measured)}, bound {KpiRequirement.Percent(r.Bound)}, required {side} {KpiRequirement.Percent(r.Threshold)}")}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"axis\" x=\"{N(Left)}\" y=\"40\" width=\"{N(Width)}\" height=\"14\" fill=\"#eef0f5\"/>");
        var (zoneFrom, zoneTo) = atLeast ? (X(r.Threshold), Left + Width) : (Left, X(r.Threshold));
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"pass-zone\" x=\"{N(zoneFrom)}\" y=\"40\" width=\"{N(Math.Max(0, zoneTo - zoneFrom))}\" height=\"14\" fill=\"#d5f0de\"><title>where the requirement holds</title></rect>");
        if (!double.IsNaN(r.Bound))
        {
            var (from, to) = atLeast ? (X(r.Bound), Left + Width) : (Left, X(r.Bound));
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"interval\" x=\"{N(from)}\" y=\"43\" width=\"{N(Math.Max(1, to - from))}\" height=\"8\" fill=\"{color}\" opacity=\".45\"><title>{E(KpiRequirement.Percent(r.Confidence))} confidence interval: {side} {E(KpiRequirement.Percent(r.Bound))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"bound\" x1=\"{N(X(r.Bound))}\" x2=\"{N(X(r.Bound))}\" y1=\"38\" y2=\"56\" stroke=\"{color}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Label(X(r.Bound)))}\" y=\"98\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">{E(KpiRequirement.Percent(r.Confidence))} bound {E(KpiRequirement.Percent(r.Bound))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"threshold\" x1=\"{N(X(r.Threshold))}\" x2=\"{N(X(r.Threshold))}\" y1=\"28\" y2=\"66\" stroke=\"#1d2430\" stroke-width=\"2\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Label(X(r.Threshold)))}\" y=\"20\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1d2430\">required {side} {E(KpiRequirement.Percent(r.Threshold))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"measured\" cx=\"{N(X(r.Measured))}\" cy=\"47\" r=\"7\" fill=\"{color}\" stroke=\"#fff\" stroke-width=\"2\"><title>measured {E(KpiRequirement.Percent(r.Measured))}</title></circle>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Label(X(r.Measured)))}\" y=\"80\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"{color}\">measured {E(KpiRequirement.Percent(r.Measured))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left)}\" y=\"36\" text-anchor=\"start\" font-size=\"10\" fill=\"#888\">{E(KpiRequirement.Percent(lo))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left + Width)}\" y=\"36\" text-anchor=\"end\" font-size=\"10\" fill=\"#888\">{E(KpiRequirement.Percent(hi))}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Color(StoryStatus status) => status switch
    {
        StoryStatus.Passed => "#2e9e5b",
        StoryStatus.Failed => "#c0392b",
        StoryStatus.Inconclusive => "#d4a017",
        StoryStatus.Error => "#7b1113",
        _ => "#aaaaaa",
    };

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
