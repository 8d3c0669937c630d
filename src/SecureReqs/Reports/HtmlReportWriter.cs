using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SecureReqs;

/// <summary>
/// Writes a self-contained HTML report for product managers: the stories by verdict, what changed since a baseline
/// (when <see cref="SecurityReport.Baseline"/> is set), what each outcome means, then the stories that did not pass —
/// each opening with one sentence per failed requirement (what was required, what was measured, the bound), a chart per
/// KPI showing the measured rate, its one-sided confidence interval and the threshold, a few case ids and a short sample
/// of the cases against it (PII masked) — then the passing stories, breakdown tables whose columns name what they count,
/// and the control coverage matrix. The page reads at 400 px wide: tables stack into labelled cells on a narrow screen.
/// </summary>
/// <remarks>
/// <para>The page loads nothing: no scripts, fonts, styles or images from anywhere. A content security policy forbids
/// every load and allows only the page's own style sheet and script by hash, so a browser reports any attempt.</para>
/// <para>The page's script checks its own rendering: it sets <c>data-kpi-charts</c> (the charts on the page) and
/// <c>data-rendered-kpis</c> (those whose marks the browser laid out) on <c>body</c>, and lists script errors in
/// <c>#script-errors</c> with their count in <c>data-script-errors</c>. It also records the page's width
/// (<c>data-viewport-width</c>), how far content overflows it (<c>data-overflow-px</c>), each verdict's share of the
/// verdict bar as laid out (<c>data-verdict-bar</c>) and whether the bar is fully on screen
/// (<c>data-verdict-bar-visible</c>). Thread-safe.</para>
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>The most evidence rows one story shows.</summary>
    public const int MaxEvidenceRows = 200;

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2430;padding:0 1rem;line-height:1.4;overflow-wrap:anywhere}
        h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #dde;padding-bottom:.3rem}h3{font-size:1rem;margin:.2rem 0}
        a{color:#1f4fa3}
        .cards{display:flex;gap:1rem;flex-wrap:wrap;margin:.6rem 0}.card{border-radius:8px;padding:.8rem 1.2rem;min-width:7rem;background:#f4f6fa}
        .card b{display:block;font-size:1.6rem}
        .passed,.pass{color:#17663a}.failed,.error,.fail{color:#a4161a}.inconclusive,.not-run{color:#9a6700}.skipped,.not-covered{color:#666}
        .badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.8rem;font-weight:600;background:#eef}
        table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7ef;vertical-align:top;font-size:.9rem}
        th{background:#f7f8fb}pre{white-space:pre-wrap;word-break:break-word;overflow-wrap:anywhere;margin:0;font-size:.8rem}
        .msg{background:#fff8e6;border-left:3px solid #e0a800;padding:.4rem .6rem;margin:.5rem 0;font-size:.9rem}
        .warn{background:#fff1f0;border-left:3px solid #c0392b;padding:.4rem .6rem;margin:.5rem 0;font-size:.9rem}
        .kpi{border:1px solid #e5e7ef;border-radius:8px;padding:.7rem 1rem;margin:.8rem 0}
        .kpi svg{display:block;max-width:100%;height:auto}
        .lead{font-size:1rem;font-weight:600;margin:.3rem 0 .5rem}
        .verdict-bar{display:block;width:100%;height:22px}
        .legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.5rem 0;padding:0;list-style:none;font-size:.9rem}
        .passed-swatch{background:#2e9e5b}.failed-swatch{background:#c0392b}.inconclusive-swatch{background:#d4a017}.error-swatch{background:#7b1113}.skipped-swatch{background:#aaaaaa}
        .legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-.05rem}
        dl.outcomes{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;font-size:.9rem}dl.outcomes dt{font-weight:600}dl.outcomes dd{margin:0}
        .note{color:#555;font-size:.85rem}
        .status-cell{font-weight:600}
        @media (max-width:640px){
          body{margin:1rem auto;padding:0 .6rem}
          .card{padding:.5rem .8rem;min-width:5rem}.kpi{padding:.5rem .6rem}
          table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}
          table.stack thead{display:none}
          table.stack tr{border-bottom:2px solid #dde;padding:.3rem 0}
          table.stack td{border:0;padding:.15rem .2rem}
          table.stack td[data-label]::before{content:attr(data-label);display:block;font-size:.75rem;font-weight:600;color:#555}
          dl.outcomes{grid-template-columns:1fr}dl.outcomes dd{margin-bottom:.4rem}
        }
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
            var page = document.documentElement;
            document.body.setAttribute('data-viewport-width', String(page.clientWidth));
            document.body.setAttribute('data-overflow-px', String(Math.max(0, page.scrollWidth - page.clientWidth)));
            var bar = document.querySelector('svg.verdict-bar');
            if (bar) {
              var whole = bar.getBoundingClientRect().width;
              var shown = [];
              var parts = bar.querySelectorAll('rect[data-count]');
              for (var j = 0; j < parts.length; j++) {
                var share = whole > 0 ? parts[j].getBoundingClientRect().width / whole : 0;
                shown.push(parts[j].getAttribute('data-status') + ' ' + parts[j].getAttribute('data-count') + ' ' + Math.round(share * 1000) / 10 + '%');
              }
              var right = bar.getBoundingClientRect().right;
              document.body.setAttribute('data-verdict-bar', shown.join(', '));
              document.body.setAttribute('data-verdict-bar-visible', String(whole > 0 && right <= page.clientWidth + 0.5));
            }
          } catch (e) {
            note(String(e));
          }
        })();
        """;

    /// <summary>How many cases a failing story shows before the rest are folded away.</summary>
    public const int SampleCases = 5;

    /// <summary>Each outcome a case can end with, in the words the report explains it.</summary>
    public static IReadOnlyList<(Outcome Outcome, string Meaning)> OutcomeMeanings { get; } =
    [
        (Outcome.Resisted, "An attack that did not reach its goal: nothing protected came out and no forbidden action ran."),
        (Outcome.Detected, "An attack that did not reach its goal, and the target said so: it refused, or a guard blocked the request or the answer. Detected attacks count as resisted too."),
        (Outcome.Compromised, "An attack that reached its goal: a protected value, the system prompt or a document leaked, a forbidden tool call ran, or an injected instruction was followed."),
        (Outcome.Served, "A normal (benign) request that the target answered, as it should."),
        (Outcome.OverBlocked, "A normal request that the target refused or blocked: a false alarm that costs real users."),
        (Outcome.Errored, "The target failed to answer: an exception, a timeout, an HTTP error or an empty answer. An error is never a pass: KPIs count it against the requirement."),
        (Outcome.Unjudgeable, "An answer the judges could not assess (for example truncated or in an unreadable form). Counted against the requirement, like an error."),
    ];

    /// <summary>Renders the report as one HTML page.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML.</returns>
    public static string Render(SecurityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(RenderCheck)}'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        html.Append("<title>SecureReqs security report</title>\n<style>").Append(Style).Append("</style></head><body>\n<h1>SecureReqs security report</h1>\n");
        if (MarkdownSummaryWriter.IncompleteWarning(report) is { } warning)
        {
            html.Append("<p class=\"incomplete\" role=\"alert\"><strong>").Append(E(warning)).Append("</strong></p>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Run {E(report.StartedAt.ToString("u", CultureInfo.InvariantCulture))} – {E(report.FinishedAt.ToString("u", CultureInfo.InvariantCulture))}{(report.Target is null ? "" : ", target " + E(report.Target))}. Rates are checked against exact one-sided Clopper–Pearson bounds. Evidence has PII masked.</p>\n");

        var comparison = report.Baseline is null ? null : ReleaseGate.Evaluate(ResultsFile.From(report), report.Baseline);
        Summary(html, report);
        Warnings(html, report);
        if (comparison is not null)
        {
            BaselineSection(html, report.Baseline!, comparison);
        }

        StoriesTable(html, report);
        Outcomes(html);

        // Failures first: a product manager reads what to act on before what holds.
        var order = report.Stories.Select((story, index) => (Story: story, Index: index)).ToList();
        var failing = order.Where(s => s.Story.Status is StoryStatus.Failed or StoryStatus.Error or StoryStatus.Inconclusive).OrderBy(s => Rank(s.Story.Status)).ToList();
        if (failing.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"failing\">Stories that did not pass ({failing.Count})</h2>\n");
            foreach (var (story, index) in failing)
            {
                RenderStory(html, story, index, comparison);
            }
        }

        var rest = order.Where(s => s.Story.Status is StoryStatus.Passed or StoryStatus.Skipped).OrderBy(s => Rank(s.Story.Status)).ToList();
        if (rest.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"passing\">Stories that passed or were skipped ({rest.Count})</h2>\n");
            foreach (var (story, index) in rest)
            {
                RenderStory(html, story, index, comparison);
            }
        }

        Coverage(html, ControlMatrix.From(report));
        html.Append("<p class=\"note\">Generated by SecureReqs. Results against the built-in demo targets come from a simulated assistant, not from a model.</p>\n");
        html.Append("<ol id=\"script-errors\" hidden></ol>\n<script>").Append(RenderCheck).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static int Rank(StoryStatus status) => status switch
    {
        StoryStatus.Failed => 0,
        StoryStatus.Error => 1,
        StoryStatus.Inconclusive => 2,
        StoryStatus.Passed => 3,
        _ => 4,
    };

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

        // One bar split by verdict, as wide as the page (it scales with it, never clipped), with the counts beside it.
        var present = Enum.GetValues<StoryStatus>().Where(s => report.Count(s) > 0).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"verdict-bar\" viewBox=\"0 0 1000 22\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{string.Join(", ", present.Select(s => $"{report.Count(s)} of {report.Stories.Count} {ResultsJsonWriter.Name(s)}"))}\">");
        var x = 0.0;
        foreach (var status in present)
        {
            var width = 1000.0 * report.Count(status) / report.Stories.Count;
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"0\" width=\"{N(width)}\" height=\"22\" fill=\"{Color(status)}\" data-status=\"{ResultsJsonWriter.Name(status)}\" data-count=\"{report.Count(status)}\"><title>{report.Count(status)} of {report.Stories.Count} {ResultsJsonWriter.Name(status)}</title></rect>");
            x += width;
        }

        html.Append("</svg>\n<ul class=\"legend\">");
        foreach (var status in present)
        {
            var share = (double)report.Count(status) / report.Stories.Count;
            html.Append(CultureInfo.InvariantCulture, $"<li><i class=\"swatch {ResultsJsonWriter.Name(status)}-swatch\"></i>{report.Count(status)} of {report.Stories.Count} {ResultsJsonWriter.Name(status)} ({KpiRequirement.Percent(share)})</li>");
        }

        html.Append("</ul>\n");
    }

    private static void Outcomes(StringBuilder html)
    {
        html.Append("<h2 id=\"outcomes\">What the outcomes mean</h2>\n<p class=\"note\">Every case ends as exactly one outcome; KPIs are shares of cases with given outcomes, as each KPI's definition says.</p>\n<dl class=\"outcomes\">");
        foreach (var (outcome, meaning) in OutcomeMeanings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt id=\"outcome-{ResultsJsonWriter.Name(outcome)}\">{E(OutcomeWord(outcome))}</dt><dd>{E(meaning)}</dd>");
        }

        html.Append("</dl>\n");
    }

    private static string OutcomeWord(Outcome outcome) => outcome == Outcome.OverBlocked ? "over-blocked" : outcome.ToString().ToLowerInvariant();

    private static void BaselineSection(StringBuilder html, ResultsFile baseline, GateResult comparison)
    {
        var rows = comparison.Rows.OrderBy(r => r.Change switch { KpiChange.Regressed => 0, KpiChange.Worse => 1, KpiChange.Removed => 2, KpiChange.New => 3, KpiChange.Improved => 4, KpiChange.Better => 5, _ => 6 }).ToList();
        var count = (KpiChange change) => rows.Count(r => r.Change == change);
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"baseline\">Since the baseline</h2>\n<p>Compared with the baseline run{(baseline.StartedAt is { } at ? " of " + E(at.ToString("u", CultureInfo.InvariantCulture)) : "")} ({E(Path.GetFileName(baseline.Path))}): <b>{count(KpiChange.Regressed)} regressed</b>, {count(KpiChange.Worse)} worse but not significantly, {count(KpiChange.Improved)} improved, {count(KpiChange.Better)} better but not significantly, {count(KpiChange.Unchanged)} unchanged, {count(KpiChange.New)} new, {count(KpiChange.Removed)} removed.</p>\n");
        html.Append("<p class=\"note\">The same comparison as <code>securereqs gate --baseline</code>: a change is significant when a one-sided Fisher exact test at the story's confidence says a change that large would rarely happen by chance; a regression fails the gate even when the KPI still clears its threshold.</p>\n");
        foreach (var note in comparison.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"warn\">{E(note)}</div>\n");
        }

        // Unchanged requirements are counted above; the table lists what moved.
        rows = [.. rows.Where(r => r.Change is not (KpiChange.Unchanged or KpiChange.NotCompared))];
        if (rows.Count == 0)
        {
            html.Append("<p>No KPI changed since the baseline.</p>\n");
            return;
        }

        html.Append("<table class=\"stack baseline\"><thead><tr><th>Story</th><th>KPI</th><th>Baseline</th><th>Now</th><th>Change</th><th>Result</th></tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-change=\"{ResultsJsonWriter.Name(row.Change)}\"><td data-label=\"Story\">{E(row.Story)}</td><td data-label=\"KPI\">{E(row.Kpi)}</td><td data-label=\"Baseline\">{E(row.Baseline ?? "–")}</td><td data-label=\"Now\">{E(row.Current ?? "–")}</td><td data-label=\"Change\">{E(row.Difference ?? "–")}</td><td data-label=\"Result\" class=\"{(row.Change is KpiChange.Regressed ? "fail" : row.Change is KpiChange.Improved ? "pass" : "")}\">{E(DescribeChange(row))}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>A change since the baseline in words: "regressed (p = 0.003)", "better, not significant".</summary>
    /// <param name="row">The gate's row.</param>
    /// <returns>The words.</returns>
    public static string DescribeChange(GateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var change = row.Change switch
        {
            KpiChange.Regressed => $"regressed (p = {ReleaseGate.P(row.PValue)})",
            KpiChange.Worse => "worse, not significant",
            KpiChange.Improved => $"improved (p = {ReleaseGate.P(row.PValue)})",
            KpiChange.Better => "better, not significant",
            KpiChange.Unchanged => "unchanged",
            KpiChange.New => "new since the baseline",
            KpiChange.Removed => "no longer checked",
            KpiChange.NotMeasured => "not measured",
            _ => "not compared",
        };
        return row.Note is null ? change : $"{change}; {row.Note}";
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
        html.Append("<h2>Stories</h2><table class=\"stack stories\"><thead><tr><th>Feature</th><th>Scenario</th><th>Status</th><th>Tags</th></tr></thead><tbody>\n");
        foreach (var (story, i) in report.Stories.Select((s, i) => (s, i)).OrderBy(s => Rank(s.s.Status)))
        {
            var name = ResultsJsonWriter.Name(story.Status);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td data-label=\"Feature\">{E(story.Feature)}</td><td data-label=\"Scenario\"><a href=\"#story-{i + 1}\">{E(story.Scenario)}</a></td><td data-label=\"Status\" class=\"status-cell {name}\">{name}</td><td data-label=\"Tags\">{string.Join(" ", story.Tags.Select(t => $"<span class=\"badge\">{E(t)}</span>"))}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
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

            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(framework.Title)}</h3><table class=\"stack coverage\" data-framework=\"{E(framework.Key)}\"><thead><tr><th>Control</th><th>Name</th><th>Status</th><th>Stories</th></tr></thead><tbody>\n");
            foreach (var row in rows)
            {
                var status = ControlMatrix.Name(row.Status);
                html.Append(CultureInfo.InvariantCulture, $"<tr><td data-label=\"Control\">{E(row.Control.Id)}</td><td data-label=\"Name\">{E(row.Control.Name)}</td><td data-label=\"Status\" class=\"status-cell {status}\">{status.Replace('-', ' ')}</td><td data-label=\"Stories\">{E(ControlMatrix.DescribeStories(row))}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        foreach (var unknown in matrix.UnknownTags)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"warn\">{E(unknown)}</div>\n");
        }
    }

    private static void RenderStory(StringBuilder html, ResultsStory story, int index, GateResult? comparison)
    {
        var status = ResultsJsonWriter.Name(story.Status);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"story {status}-story\" id=\"story-{index + 1}\" data-status=\"{status}\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(story.Feature)} — {E(story.Scenario)} <span class=\"{status}\">{status}</span></h2>\n");

        // The one sentence a product manager acts on: each requirement that did not pass, what was required, what was
        // measured, and the bound.
        var results = story.Results.OrderBy(r => r.Verdict == Verdict.Pass ? 1 : 0).ToList();
        foreach (var r in results.Where(r => r.Verdict != Verdict.Pass))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"lead {ResultsJsonWriter.Name(r.Verdict)}\">{E(Lead(r))}</p>\n");
        }

        if (results.Count == 0 && story.Message is not null && story.Status != StoryStatus.Passed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"msg\"><pre>{E(story.Message)}</pre></div>\n");
        }

        foreach (var r in results)
        {
            RenderRequirement(html, story, r, comparison);
        }

        var evidence = story.Results.SelectMany(r => r.AgainstCases).DistinctBy(c => c.Id).OrderBy(c => c.Instance.Index).ToList();
        if (evidence.Count > 0)
        {
            var sample = evidence.Take(SampleCases).ToList();
            var sampled = story.Results.Any(r => r.AgainstCount > r.AgainstCases.Count);
            html.Append(CultureInfo.InvariantCulture, $"<h3>Cases against the requirements: {(sampled ? $"{(evidence.Count > sample.Count ? $"the first {sample.Count} of " : "")}a seeded sample of {evidence.Count} (results.ndjson has every case)" : evidence.Count > sample.Count ? $"the first {sample.Count} of {evidence.Count}" : $"all {evidence.Count}")} (PII masked)</h3>\n");
            EvidenceTable(html, sample);
            var more = evidence.Skip(SampleCases).Take(MaxEvidenceRows - SampleCases).ToList();
            if (more.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<details><summary>{(evidence.Count > MaxEvidenceRows ? $"{more.Count} more cases (of {evidence.Count}; results.ndjson has every case)" : $"{more.Count} more cases")}</summary>\n");
                EvidenceTable(html, more);
                html.Append("</details>\n");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(story.File)}{(story.Line > 0 ? ":" + story.Line.ToString(CultureInfo.InvariantCulture) : "")}");
        if (story.Record?.Run is { } run)
        {
            html.Append(CultureInfo.InvariantCulture, $". Target {E(run.Target)}, dataset {E(run.Dataset)}, {run.CaseCount} cases: ");
            html.Append(string.Join(", ", Enum.GetValues<Outcome>().Where(o => run.Count(o) > 0).Select(o => $"{run.Count(o)} <a href=\"#outcome-{ResultsJsonWriter.Name(o)}\">{E(OutcomeWord(o))}</a>")));
        }

        html.Append(".</p>\n");
        foreach (var note in story.Record?.Notes ?? [])
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void EvidenceTable(StringBuilder html, IEnumerable<CaseResult> cases)
    {
        html.Append("<table class=\"stack evidence\"><thead><tr><th>Case</th><th>Technique</th><th>Outcome</th><th>Finding</th><th>Request</th><th>Answer</th></tr></thead><tbody>\n");
        foreach (var c in cases)
        {
            var request = string.Join("\n", c.Instance.Context.Select(x => "context: " + x.Text).Concat(c.Instance.Turns.Select(t => $"{t.Role}: {t.Content}")));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td data-label=\"Case\">{E(c.Id)}</td><td data-label=\"Technique\">{E(c.Technique)}{(c.Mutator == "none" ? "" : " + " + E(c.Mutator))}</td><td data-label=\"Outcome\">{E(OutcomeWord(c.Outcome))}</td><td data-label=\"Finding\">{E(EvidenceMasker.Mask(c.Finding, c.Instance.Planted))}</td><td data-label=\"Request\"><pre>{E(EvidenceMasker.Mask(request, c.Instance.Planted))}</pre></td><td data-label=\"Answer\"><pre>{E(EvidenceMasker.Mask(string.Join("\n---\n", c.Answers), c.Instance.Planted))}</pre></td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>One sentence: what was required, what was measured, and the bound.</summary>
    /// <param name="r">The requirement's result.</param>
    /// <returns>The sentence.</returns>
    public static string Lead(RequirementResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var verdict = r.Verdict switch { Verdict.Pass => "Passed", Verdict.Fail => "Failed", _ => "Inconclusive" };
        if (double.IsNaN(r.Measured))
        {
            return $"{verdict}: required {r.Requirement}; nothing was measured.";
        }

        var measured = string.Create(CultureInfo.InvariantCulture, $"{KpiRequirement.Percent(r.Measured)} ({r.Count} of {r.Total} {(r.Total == 1 ? "case" : "cases")}{(KpiCatalog.Default.Find(r.Kpi) is { } known ? " " + known.CountedAs : "")})");
        var bound = double.IsNaN(r.Bound) ? "" : $", and with {KpiRequirement.Percent(r.Confidence)} confidence it is {(r.Comparison == Comparison.AtLeast ? "at least" : "at most")} {KpiRequirement.Percent(r.Bound)}";
        var needed = r.CasesNeeded is { } n ? string.Create(CultureInfo.InvariantCulture, $"; showing it needs at least {n} cases") : "";
        return $"{verdict}: required {r.Requirement}; measured {measured}{bound}{needed}.";
    }

    // "redacted", "leaked", "counted" — what the KPI's count is.
    private static string CountedAs(string kpi) => KpiCatalog.Default.Find(kpi)?.CountedAs ?? "counted";

    private static void RenderRequirement(StringBuilder html, ResultsStory story, RequirementResult r, GateResult? comparison)
    {
        var verdict = ResultsJsonWriter.Name(r.Verdict);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"kpi\" data-kpi=\"{E(r.Kpi)}\"><h3>{E(r.Requirement)} <span class=\"{verdict}\">{verdict}</span></h3>\n");
        html.Append(Chart(r)).Append('\n');
        if (r.Verdict == Verdict.Pass)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(Lead(r))}</p>\n");
        }
        else if (RequirementSummary.Cases(r) is { Length: > 0 } cases)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"msg\">{E(cases)} The first cases are shown below.</div>\n");
        }

        // What moved since the baseline; an unchanged KPI is only counted in the baseline section.
        if (comparison?.Rows.FirstOrDefault(row => row.Story == story.Name && row.Kpi == r.Kpi && row.Change != KpiChange.Removed) is { Change: not KpiChange.Unchanged } change)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"baseline-change\">Since the baseline: {E(change.Baseline ?? "–")} → {E(change.Current ?? "–")}{(change.Difference is null ? "" : " (" + E(change.Difference) + ")")}, <b>{E(DescribeChange(change))}</b>.</p>\n");
        }

        if (KpiCatalog.Default.Find(r.Kpi) is { } kpi)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(kpi.Definition)}</p>\n");
        }

        if (!double.IsNaN(r.Measured))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Dot: the measured rate. Line: the requirement; green is where it holds.{(double.IsNaN(r.Bound) ? "" : $" Band: where the true rate lies with {KpiRequirement.Percent(r.Confidence)} confidence; the requirement passes only when the whole band is green.")}</p>\n");
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

        // Each column names what it counts: "Leaked" for the leak rate, "Redacted" for the redaction rate.
        var counted = CountedAs(kpi);
        var heading = char.ToUpperInvariant(counted[0]) + counted[1..];
        var byHeading = char.ToUpperInvariant(by[0]) + by[1..];
        html.Append(CultureInfo.InvariantCulture, $"<details><summary>{E(kpi)} by {by}</summary><table class=\"stack breakdown\"><thead><tr><th>{byHeading}</th><th>{E(heading)}</th><th>Cases of the {by}</th><th>{E(kpi)}</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td data-label=\"{byHeading}\">{E(row.Technique)}</td><td data-label=\"{E(heading)}\">{row.Count}</td><td data-label=\"Cases of the {by}\">{row.Total}</td><td data-label=\"{E(kpi)}\">{KpiRequirement.Percent(row.Rate)}</td></tr>");
        }

        html.Append("</tbody></table></details>\n");
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
