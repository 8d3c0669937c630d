using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureReqs.Cli.Tests;

// Opens the naive run's HTML report in real headless Chromium (a prerequisite: see the README's set-up) with no network,
// and reads back what the page's own script measured after layout, at a desktop's width and a phone's.
public sealed class HtmlReportBrowserTests(NaiveRunFixture naive) : IDisposable
{
    private readonly string _profile = Directory.CreateTempSubdirectory("securereqs-chromium-").FullName;

    public void Dispose() => Directory.Delete(_profile, recursive: true);

    [Fact]
    public async Task Report_InHeadlessChromium_RendersEveryKpiChartWithoutConsoleErrors()
    {
        var report = Path.Combine(naive.Out, "report.html");
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(naive.Out, "results.json")));
        var measured = results.RootElement.GetProperty("stories").EnumerateArray()
            .SelectMany(s => s.GetProperty("requirements").EnumerateArray())
            .Count(r => r.GetProperty("measured").ValueKind == JsonValueKind.Number);

        var (dom, log) = await DumpDomAsync(report);

        var body = Regex.Match(dom, "<body([^>]*)>").Groups[1].Value;
        body.Should().Contain($"data-kpi-charts=\"{measured}\"", "the page has one chart per measured requirement in results.json");
        body.Should().Contain($"data-rendered-kpis=\"{measured}\"", "every chart's axis, measured rate and threshold were laid out");
        body.Should().Contain("data-script-errors=\"0\"");
        measured.Should().BeGreaterThan(5);
        Regex.Matches(log, @":CONSOLE[:(]\d*\)?\]?.*").Select(m => m.Value).Should().BeEmpty("the page logs nothing to the console: no errors, no blocked loads");
    }

    [Theory]
    [InlineData(1280, false)]
    [InlineData(400, true)]
    public async Task Report_AtDesktopAndPhoneWidths_FitsTheScreenWithTheVerdictBarTrueToItsCounts(int width, bool phone)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(naive.Out, "results.json")));
        var stories = results.RootElement.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("status").GetString()!).ToList();
        await using var browser = await HeadlessChromium.StartAsync(_profile, cancel);

        var tab = await browser.OpenAsync(Path.Combine(naive.Out, "report.html"), width, 900, phone, cancel);
        var page = (await browser.EvaluateAsync(tab, Measure, cancel))!.AsObject();
        var screenshot = await browser.ScreenshotAsync(tab, cancel);
        File.WriteAllBytes(Path.Combine(naive.Out, $"report-{width}px.png"), screenshot);

        page["viewport"]!.GetValue<double>().Should().Be(width, "the page is laid out at the emulated width");
        page["overflow"]!.GetValue<double>().Should().Be(0, "nothing on the page is wider than the screen");
        page["barRight"]!.GetValue<double>().Should().BeLessThanOrEqualTo(width, "the verdict bar is never clipped");
        var shares = page["bar"]!.AsArray().Select(part => (Status: part!["status"]!.GetValue<string>(), Count: part["count"]!.GetValue<int>(), Share: part["share"]!.GetValue<double>())).ToList();
        shares.Should().NotBeEmpty();
        foreach (var (status, count, share) in shares)
        {
            count.Should().Be(stories.Count(s => s == status), $"the bar's {status} count is results.json's");
            share.Should().BeApproximately((double)count / stories.Count, 0.01, $"the {status} part of the bar is as wide as its share of the stories");
        }

        page["legend"]!.GetValue<string>().Should().Contain($"{stories.Count(s => s == "failed")} of {stories.Count} failed");
        page["narrowestEvidenceCell"]!.GetValue<double>().Should().BeGreaterThan(phone ? width * 0.7 : 25, "evidence cells are wide enough to read (on a phone each cell takes the screen's width, its column's name above it)");
        page["firstStoryStatus"]!.GetValue<string>().Should().Be("failed", "failures come first");
        page["rendered"]!.GetValue<int>().Should().Be(page["charts"]!.GetValue<int>(), "every KPI chart is laid out");
        page["scriptErrors"]!.GetValue<string>().Should().Be("0");
        screenshot.Length.Should().BeGreaterThan(1000);
        screenshot.AsSpan(1, 3).SequenceEqual("PNG"u8).Should().BeTrue("the screenshot is a PNG");
    }

    // Measured by the browser after layout; evidence cells inside closed <details> have no box and are left out.
    private const string Measure = """
        (() => {
          const page = document.documentElement;
          const bar = document.querySelector('svg.verdict-bar');
          const whole = bar.getBoundingClientRect().width;
          const cells = [...document.querySelectorAll('table.evidence td')].filter(td => td.getClientRects().length > 0);
          return {
            viewport: page.clientWidth,
            overflow: Math.max(0, page.scrollWidth - page.clientWidth),
            barRight: bar.getBoundingClientRect().right,
            bar: [...bar.querySelectorAll('rect[data-count]')].map(r => ({ status: r.dataset.status, count: Number(r.dataset.count), share: r.getBoundingClientRect().width / whole })),
            legend: document.querySelector('ul.legend').textContent,
            narrowestEvidenceCell: Math.min(...cells.map(td => td.getBoundingClientRect().width)),
            firstStoryStatus: document.querySelector('section.story').dataset.status,
            charts: document.querySelectorAll('svg.kpi-chart').length,
            rendered: Number(document.body.dataset.renderedKpis),
            scriptErrors: document.body.dataset.scriptErrors,
          };
        })()
        """;

    private async Task<(string Dom, string Log)> DumpDomAsync(string page)
    {
        var chromium = HeadlessChromium.Require();
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            $"--user-data-dir={_profile}", "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.ExitCode.Should().Be(0, await error);
        return (await output, await error);
    }
}
