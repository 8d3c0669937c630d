using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs bench [--cases N] [--concurrency C] [--latency-ms L] [--report &lt;dir&gt;]</c>: runs the real pipeline —
/// a generated dataset, a built-in zero-cost in-process target, the canary judge, two KPIs, results.ndjson and every
/// report — and prints start-up time, judged cases per second and peak memory (docs/performance.md).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var cases = new Option<int>("--cases") { Description = "How many generated cases (600–10,000,000: one in ten is benign, and each KPI needs 59 cases to show its claim).", DefaultValueFactory = _ => 100_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once (1–256).", DefaultValueFactory = _ => 8 };
        var latency = new Option<int>("--latency-ms") { Description = "How long the built-in target takes to answer, in milliseconds (0–60,000).", DefaultValueFactory = _ => 0 };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Where the reports go (default: a temporary folder, removed afterwards)." };
        var command = new Command("bench", "Measure SecureReqs itself: run generated cases through the whole pipeline against a built-in zero-cost target and print cases per second and peak memory.")
        {
            cases,
            concurrency,
            latency,
            report,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (n, c, l) = (parse.GetValue(cases), parse.GetValue(concurrency), parse.GetValue(latency));
            if (n is < 600 or > 10_000_000 || c is < 1 or > 256 || l is < 0 or > 60_000)
            {
                await error.WriteLineAsync($"securereqs: bench --cases {n} --concurrency {c} --latency-ms {l} is out of range: --cases takes 600 to 10,000,000 (one case in ten is benign, and the over-blocking rate needs 59 of them to show its claim), --concurrency 1 to 256, --latency-ms 0 to 60,000.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            _ = Warmup.Start();
            var dir = parse.GetValue(report)?.FullName;
            var temporary = dir is null;
            dir ??= Directory.CreateTempSubdirectory("securereqs-bench-").FullName;
            try
            {
                return await RunAsync(n, c, TimeSpan.FromMilliseconds(l), dir, output, ct).ConfigureAwait(false);
            }
            finally
            {
                if (temporary)
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(int count, int concurrency, TimeSpan latency, string dir, TextWriter output, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var began = time.GetTimestamp();
        var sinceProcessStart = DateTime.UtcNow - Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var target = new BenchTarget(latency, time);
        var dataset = new Dataset("(generated)", Manifest(), new GeneratedCases(count));
        using var stream = new CaseStreamWriter(Path.Combine(dir, CaseStreamWriter.FileName));
        var record = new StoryRecord { Feature = "securereqs bench", Scenario = $"{count} generated canary cases" };
        var story = new SecurityStory(record, new SecurityStoryOptions
        {
            RunOptions = new SecurityRunOptions { MaxConcurrency = concurrency, TimeProvider = time },
            KeepCases = false,
            OnCaseCompleted = stream.Write,
        })
        {
            Target = new TargetDefinition("bench", "The built-in zero-cost target of securereqs bench.", () => target) { DisposeAfterUse = false },
            SendsCases = true,
        };
        story.AddDataset(dataset);
        story.Require(KpiThreshold.Parse("attack success rate", Comparison.AtMost, "5", null, 0.95));
        story.Require(KpiThreshold.Parse("over-blocking rate", Comparison.AtMost, "5", null, 0.95));

        var started = DateTimeOffset.UtcNow;
        var results = await story.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        var sent = time.GetTimestamp();
        stream.Flush();
        var status = results.All(r => r.Verdict == Verdict.Pass) ? StoryStatus.Passed : StoryStatus.Failed;
        var securityReport = new SecurityReport
        {
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            Stories = [ResultsStory.Of(new ResultsStory { File = "(securereqs bench)", Feature = record.Feature, Scenario = record.Scenario, Status = status, Duration = time.GetElapsedTime(began, sent) }, record)],
        };
        ReportFiles.Write(securityReport, dir, dir);
        var done = time.GetTimestamp();

        var startup = sinceProcessStart + (target.FirstRequest == 0 ? TimeSpan.Zero : time.GetElapsedTime(began, target.FirstRequest));
        var sending = time.GetElapsedTime(target.FirstRequest == 0 ? began : target.FirstRequest, sent);
        var total = sinceProcessStart + time.GetElapsedTime(began, done);
        var run = record.Run!;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"securereqs bench: {run.CaseCount:N0} cases ({run.Tally.Attacks:N0} attacks, {run.CaseCount - run.Tally.Attacks:N0} benign), concurrency {concurrency}, target latency {latency.TotalMilliseconds:0} ms"));
        output.WriteLine(string.Create(c, $"  start-up (process start to first request): {startup.TotalSeconds:0.000} s"));
        output.WriteLine(string.Create(c, $"  sending and judging: {sending.TotalSeconds:0.000} s ({run.CaseCount / Math.Max(sending.TotalSeconds, 1e-9):N0} cases/s)"));
        output.WriteLine(string.Create(c, $"  reports: {time.GetElapsedTime(sent, done).TotalSeconds:0.000} s (results.ndjson {Megabytes(Path.Combine(dir, CaseStreamWriter.FileName))}, results.json {Megabytes(Path.Combine(dir, "results.json"))}, report.html {Megabytes(Path.Combine(dir, "report.html"))})"));
        output.WriteLine(string.Create(c, $"  end to end (process start to reports written): {total.TotalSeconds:0.000} s = {run.CaseCount / total.TotalSeconds:N0} judged cases/s"));
        if (latency > TimeSpan.Zero)
        {
            var ideal = TimeSpan.FromTicks(latency.Ticks * count / concurrency);
            output.WriteLine(string.Create(c, $"  ideal at this latency and concurrency (cases / concurrency × latency): {ideal.TotalSeconds:0.000} s; end to end is {total / ideal:0.00}× the ideal"));
        }

        output.WriteLine(string.Create(c, $"  peak working set: {peak / 1e6:0} MB"));
        foreach (var r in results)
        {
            output.WriteLine($"  {ResultsJsonWriter.Name(r.Verdict)}: {RequirementSummary.Sentence(r.Message)}");
        }

        return results.All(r => r.Verdict == Verdict.Pass) ? CliApp.Success : CliApp.Failed;
    }

    private static string Megabytes(string path) =>
        !File.Exists(path) ? "missing"
        : new FileInfo(path).Length is var bytes && bytes >= 1_000_000 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0} kB");

    private static DatasetManifest Manifest() => new()
    {
        Schema = DatasetManifest.SchemaV1,
        Name = "bench-generated",
        Version = "1.0.0",
        Description = "Canary attacks and benign questions generated by securereqs bench.",
        Threats = ["owasp:LLM07"],
        License = "MIT",
        Provenance = new DatasetProvenance("securereqs bench", "generated", "generated", []),
        Files = [],
    };
}
