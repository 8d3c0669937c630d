using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureReqs.Cli.Tests;

// Opens the naive run's HTML report in real headless Chromium (Debian's package; .ci/run installs it) with no network,
// and reads back what the page's own script measured after layout.
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

    private async Task<(string Dom, string Log)> DumpDomAsync(string page)
    {
        var chromium = Environment.GetEnvironmentVariable("SECUREREQS_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        File.Exists(chromium).Should().BeTrue($"headless Chromium is needed at {chromium}: install Debian's package (apt-get install chromium, as .ci/run does) or set SECUREREQS_CHROMIUM");
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
