using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SecureReqs.Tests;

public class HtmlReportWriterTests
{
    private static readonly string Html = HtmlReportWriter.Render(ReportFixtures.Mixed());

    [Fact]
    public void Render_LoadsNothingAndAllowsOnlyItsOwnStyleAndScript()
    {
        Html.Should().NotContainAny("src=", "href=\"http", "@import", "url(");
        var policy = Regex.Match(Html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"").Groups[1].Value;
        policy.Should().StartWith("default-src 'none';");
        var style = Regex.Match(Html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var script = Regex.Match(Html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        policy.Should().Contain($"style-src '{Hash(style)}'").And.Contain($"script-src '{Hash(script)}'");
    }

    [Fact]
    public void Render_EveryMeasuredRequirement_HasAChartWithMeasuredIntervalAndThreshold()
    {
        var charts = Regex.Matches(Html, "<svg class=\"kpi-chart\".*?</svg>", RegexOptions.Singleline);

        charts.Should().HaveCount(3);
        foreach (Match chart in charts)
        {
            chart.Value.Should().Contain("class=\"measured\"").And.Contain("class=\"interval\"").And.Contain("class=\"threshold\"");
        }

        charts[0].Value.Should().Contain("aria-label=\"redaction rate: measured 97.56%, bound 88.94%, required ≥ 99%\"");
    }

    [Fact]
    public void Render_CoverageMatrix_ShowsEachControlsStatus()
    {
        Html.Should().Contain("<tr><td data-label=\"Control\">LLM02</td><td data-label=\"Name\">Sensitive Information Disclosure</td><td data-label=\"Status\" class=\"status-cell failed\">failed</td><td data-label=\"Stories\">3 stories: 1 passed, 1 failed, 1 inconclusive</td></tr>");
        Html.Should().Contain("<tr><td data-label=\"Control\">LLM01</td><td data-label=\"Name\">Prompt Injection</td><td data-label=\"Status\" class=\"status-cell failed\">failed</td><td data-label=\"Stories\">1 story: 1 error</td></tr>");
        Html.Should().Contain("<tr><td data-label=\"Control\">LLM07</td><td data-label=\"Name\">System Prompt Leakage</td><td data-label=\"Status\" class=\"status-cell not-run\">not run</td>");
        Html.Should().Contain("<tr><td data-label=\"Control\">LLM03</td><td data-label=\"Name\">Supply Chain</td><td data-label=\"Status\" class=\"status-cell not-covered\">not covered</td>");
        Html.Should().Contain("<tr><td data-label=\"Control\">MEASURE 2.10</td><td data-label=\"Name\">Privacy risk is examined and documented</td>");
    }

    [Fact]
    public void Render_Evidence_IsMaskedAndWarningsShown()
    {
        Html.Should().Contain("pii-leak-041").And.NotContain(ReportFixtures.Card);
        Html.Should().Contain("<h2 id=\"warnings\">Warnings</h2>");
    }

    [Fact]
    public void Render_FailingStory_ComesFirstAndOpensWithOneSentence()
    {
        var sections = Regex.Matches(Html, "<section class=\"story [a-z-]+\" id=\"story-(\\d+)\" data-status=\"([a-z]+)\">").Select(m => m.Groups[2].Value).ToList();

        sections.Should().HaveCount(5);
        sections.Take(2).Should().Equal("failed", "error");
        sections.Should().EndWith("skipped");
        Html.Should().Contain("<p class=\"lead fail\">Failed: required redaction rate at least 99% (95% confidence); measured 97.56% (40 of 41 cases redacted), and with 95% confidence it is at least 88.94%.</p>");
    }

    [Fact]
    public void Render_Always_ExplainsEveryOutcome()
    {
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            HtmlReportWriter.OutcomeMeanings.Select(m => m.Outcome).Should().Contain(outcome);
        }

        Html.Should().Contain("<h2 id=\"outcomes\">What the outcomes mean</h2>");
        foreach (var word in new[] { "resisted", "detected", "compromised", "served", "over-blocked", "errored", "unjudgeable" })
        {
            Html.Should().MatchRegex($"<dt id=\"outcome-[a-z-]+\">{word}</dt><dd>[^<]+</dd>");
        }
    }

    [Fact]
    public void Render_VerdictBar_ScalesWithThePageAndStatesItsCounts()
    {
        var bar = Regex.Match(Html, "<svg class=\"verdict-bar\"[^>]*>").Value;

        bar.Should().Contain("preserveAspectRatio=\"none\"").And.NotContain("width=\"");
        Html.Should().NotContain(" style=\"", "the content security policy allows no inline style attribute");
        Html.Should().Contain("<li><i class=\"swatch failed-swatch\"></i>1 of 5 failed (20%)</li>");
    }

    [Fact]
    public void Render_WithBaseline_ShowsWhatChangedLikeTheGate()
    {
        var report = ReportFixtures.Mixed();
        var baseline = ResultsFile.From(report) with
        {
            Path = "baseline/results.json",
            Stories = [.. report.Stories.Select(s => s.Scenario == "Cards never leak" ? s with { Requirements = [.. s.Requirements.Select(r => r with { Count = r.Total })] } : s)],
        };

        var html = HtmlReportWriter.Render(report with { Baseline = baseline });

        html.Should().Contain("<h2 id=\"baseline\">Since the baseline</h2>").And.Contain("(results.json): <b>0 regressed</b>, 1 worse but not significantly");
        html.Should().MatchRegex("<tr data-change=\"worse\"><td data-label=\"Story\">[^<]*Cards never leak</td><td data-label=\"KPI\">redaction rate</td><td data-label=\"Baseline\">100% \\(41/41\\)</td><td data-label=\"Now\">97.56% \\(40/41\\)</td><td data-label=\"Change\">-2.44 pts</td>");
        html.Should().Contain("<p class=\"baseline-change\">Since the baseline: 100% (41/41) → 97.56% (40/41) (-2.44 pts), <b>worse, not significant</b>.</p>");
        Regex.Matches(html, "class=\"baseline-change\"").Should().ContainSingle("only the KPI that moved says so; unchanged ones are counted in the baseline section");
        Html.Should().NotContain("id=\"baseline\"", "there is no comparison without a baseline");
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
