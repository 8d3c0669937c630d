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
        Html.Should().Contain("<tr><td>LLM02</td><td>Sensitive Information Disclosure</td><td class=\"status-cell failed\">failed</td><td>3 stories: 1 passed, 1 failed, 1 inconclusive</td></tr>");
        Html.Should().Contain("<tr><td>LLM01</td><td>Prompt Injection</td><td class=\"status-cell failed\">failed</td><td>1 story: 1 error</td></tr>");
        Html.Should().Contain("<tr><td>LLM07</td><td>System Prompt Leakage</td><td class=\"status-cell not-run\">not run</td>");
        Html.Should().Contain("<tr><td>LLM03</td><td>Supply Chain</td><td class=\"status-cell not-covered\">not covered</td>");
        Html.Should().Contain("<tr><td>MEASURE 2.10</td><td>Privacy risk is examined and documented</td>");
    }

    [Fact]
    public void Render_Evidence_IsMaskedAndWarningsShown()
    {
        Html.Should().Contain("pii-leak-041").And.NotContain(ReportFixtures.Card);
        Html.Should().Contain("<h2 id=\"warnings\">Warnings</h2>");
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
