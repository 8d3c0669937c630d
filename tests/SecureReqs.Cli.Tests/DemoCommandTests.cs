using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureReqs.Demo.Server;

namespace SecureReqs.Cli.Tests;

// securereqs demo serve, and securereqs run through samples/endpoint/securereqs.json against the served app: the same
// verdicts and numbers as the in-process demo builds, measured over real HTTP on 127.0.0.1.
public sealed class DemoCommandTests
{
    private const string Key = "cli-demo-key-0123456789";
    private const string AgentKey = "cli-agent-key-0123456789";
    private const string AdminKey = "cli-admin-key-0123456789";

    private static readonly DemoApiKey[] Keys = [new(Key, "customer"), new(AgentKey, "support-agent"), new(AdminKey, "admin")];

    [Fact]
    public async Task Serve_WithoutAKey_IsAUsageErrorNamingTheVariable()
    {
        var result = await CliResult.RunAsync("demo", "serve", "--port", "0");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("Set SECUREREQS_DEMO_KEY");
    }

    [Fact]
    public async Task Serve_BothBuilds_IsAUsageError()
    {
        var result = await CliResult.RunAsync(Environment(), "demo", "serve", "--naive", "--guarded");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("Give one of --naive or --guarded");
    }

    [Fact(Timeout = 60_000)]
    public async Task Serve_PrintsTheUrlAndKeyVariables_AnswersAndStopsOnCancel()
    {
        using var output = new ReadyWriter("Press Ctrl-C to stop.");
        using var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var serving = CliApp.RunAsync(["demo", "serve", "--naive", "--port", "0"], output, error, TimeProvider.System, Environment(), stop.Token);
        await output.Ready.WaitAsync(TestContext.Current.CancellationToken);
        var url = new Uri(System.Text.RegularExpressions.Regex.Match(output.ToString(), @"http://127\.0\.0\.1:\d+/api/chat").Value);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { message = "hello" }) };
        request.Headers.Add("X-Api-Key", Key);

        using var answered = await http.SendAsync(request, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        var code = await serving;

        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        code.Should().Be(0, error.ToString());
        output.ToString().Should().Contain("SIMULATED support assistant (naive build, no controls)")
            .And.Contain("customer       key: SECUREREQS_DEMO_KEY").And.Contain("admin          key: SECUREREQS_DEMO_ADMIN_KEY")
            .And.Contain("--target demo-http-naive").And.EndWith("Stopped." + System.Environment.NewLine)
            .And.NotContain(Key).And.NotContain(AdminKey);
    }

    [Theory(Timeout = 600_000)]
    [InlineData("system-prompt")]
    [InlineData("sensitive-data")]
    [InlineData("agents")]
    [InlineData("retrieval")]
    public async Task Run_SampleTargets_GiveTheInProcessDemosVerdictsOverHttp(string folder)
    {
        await using var guarded = await DemoServer.StartAsync(new DemoServerOptions { Build = DemoBuild.Guarded, Keys = Keys }, TestContext.Current.CancellationToken);
        await using var naive = await DemoServer.StartAsync(new DemoServerOptions { Build = DemoBuild.Naive, Keys = Keys }, TestContext.Current.CancellationToken);
        var root = Directory.CreateTempSubdirectory("securereqs-demo-run-").FullName;
        try
        {
            var config = SampleConfig(root, guarded, naive);

            var httpGuarded = await Run(root, folder, config, "demo-http-guarded");
            var inProcessGuarded = await Run(root, folder, config, "demo:guarded");
            var httpNaive = await Run(root, folder, config, "demo-http-naive");
            var inProcessNaive = await Run(root, folder, config, "demo:naive");

            (httpGuarded.Code, httpNaive.Code).Should().Be((0, 1), httpGuarded.Output + httpNaive.Output);
            if (folder != "retrieval")
            {
                httpGuarded.Requirements.Should().Equal(inProcessGuarded.Requirements);
            }

            if (folder == "retrieval")
            {
                // Over HTTP the run also seeds canary documents into the app's knowledge base (the naive build retrieves
                // them too, so more cases count), and judges the retrievals its answers report: the same verdicts.
                Verdicts(httpNaive.Requirements).Should().Equal(Verdicts(inProcessNaive.Requirements));
                Verdicts(httpGuarded.Requirements).Should().Equal(Verdicts(inProcessGuarded.Requirements));
                File.ReadAllText(Path.Combine(root, "demo-http-naive", folder, "results.json")).Should().Contain("for a public-clearance caller, as the target", "results.json escapes the apostrophe that follows");
                System.Text.RegularExpressions.Regex.Replace(httpNaive.Output, @"\s+", " ").Should().Contain("8 canary documents (2 internal, 6 confidential) were seeded for this run").And.Contain("and removed after it");
                (guarded.Documents, naive.Documents).Should().Be((0, 0), "every document seeded for the run was removed after it");
            }
            else if (folder == "agents")
            {
                // The sample declares no knowledge-base canaries, so a naive call carrying one out is not counted as
                // exfiltration over HTTP: the same verdicts, fewer counted cases.
                Verdicts(httpNaive.Requirements).Should().Equal(Verdicts(inProcessNaive.Requirements));
            }
            else
            {
                httpNaive.Requirements.Should().Equal(inProcessNaive.Requirements);
            }

            httpNaive.Requirements.Should().Contain(r => r.EndsWith("fail", StringComparison.Ordinal));
            guarded.Sessions.Should().BeGreaterThan(100, "every case ran in its own server-side session");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Run_DataMinimisationStoryOverHttp_IsSkippedAsNotApplicable_AndCannotPassAGate()
    {
        var root = Directory.CreateTempSubdirectory("securereqs-demo-minimisation-").FullName;
        try
        {
            // No server is needed: the pre-flight stops the story before a request is sent.
            var config = Path.Combine(RepoPaths.Root, "samples", "endpoint", "securereqs.json");

            var result = await CliResult.RunAsync(Environment(), "run", Path.Combine(RepoPaths.Features, "sensitive-data"), "--config", config, "--target", "demo-http-guarded", "--datasets", RepoPaths.Datasets, "--report", root, "--tags", "@data-minimisation");

            // Not an error and never a pass: the story is skipped with one line saying why.
            var results = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(root, "results.json")))!;
            results["stories"]!.AsArray().Should().NotBeEmpty().And.OnlyContain(s => s!["status"]!.GetValue<string>() == "skipped");
            results["summary"]!["passed"]!.GetValue<int>().Should().Be(0);
            System.Text.RegularExpressions.Regex.Replace(result.Output + result.Error, @"\s+", " ").Should().Contain("Not applicable: The target \"demo-http-guarded\" is a black-box endpoint, so what reaches its model cannot be observed and this step cannot be judged");
            var gate = await CliResult.RunAsync("gate", Path.Combine(root, "results.json"));
            gate.ExitCode.Should().Be(1, "a run in which no story passed cannot pass a gate: " + gate.Output);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static CliEnvironment Environment() => new(new Dictionary<string, string>
    {
        ["SECUREREQS_DEMO_KEY"] = Key,
        ["SECUREREQS_DEMO_AGENT_KEY"] = AgentKey,
        ["SECUREREQS_DEMO_ADMIN_KEY"] = AdminKey,

        // The guarded sample pins the server's certificate; a pre-flight that stops before sending needs only a value.
        ["SECUREREQS_DEMO_CERT_SHA256"] = new string('0', 64),
    });

    // The sample configuration, its targets pointed at the two servers' ports.
    private static string SampleConfig(string root, DemoServer guarded, DemoServer naive)
    {
        var sample = Path.Combine(RepoPaths.Root, "samples", "endpoint");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(sample, "securereqs.json")), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip })!;
        json["targets"]!["demo-http-guarded"]!["endpoint"] = guarded.ChatEndpoint.ToString();
        json["targets"]!["demo-http-naive"]!["endpoint"] = naive.ChatEndpoint.ToString();
        foreach (var (_, target) in json["targets"]!.AsObject())
        {
            // The copy is elsewhere: the policy and the canary documents stay where the sample names them.
            target!["toolPolicy"] = Path.GetFullPath(Path.Combine(sample, target["toolPolicy"]!.GetValue<string>()));
            target["knowledgeBase"]!["canaryDocuments"] = Path.GetFullPath(Path.Combine(sample, target["knowledgeBase"]!["canaryDocuments"]!.GetValue<string>()));
        }

        foreach (var (name, server) in new[] { ("demo-http-guarded", guarded), ("demo-http-naive", naive) })
        {
            json["targets"]![name]!["knowledgeBase"]!["add"]!["url"] = server.DocumentsEndpoint.ToString();
            json["targets"]![name]!["knowledgeBase"]!["remove"]!["url"] = server.DocumentsEndpoint + "/{{document.id}}";
        }

        var config = Path.Combine(root, "securereqs.json");
        File.WriteAllText(config, json.ToJsonString());
        File.Copy(Path.Combine(sample, "system-prompt.txt"), Path.Combine(root, "system-prompt.txt"));
        return config;
    }

    // The exit code, and each requirement's story, KPI, measured count and verdict.
    private static async Task<(int Code, string Output, IReadOnlyList<string> Requirements)> Run(string root, string folder, string config, string target)
    {
        var report = Path.Combine(root, target.Replace(':', '-'), folder);
        // The data-minimisation story judges what reaches the model, which an HTTP target cannot show: over HTTP it
        // stops at the pre-flight (Run_DataMinimisationStoryOverHttp_StopsAtThePreflight), so the comparison leaves it out.
        var result = await CliResult.RunAsync(Environment(), "run", Path.Combine(RepoPaths.Features, folder), "--config", config, "--target", target, "--datasets", RepoPaths.Datasets, "--report", report, "--no-cache", "--tags", "not @data-minimisation");
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "results.json")));
        var requirements = results.RootElement.GetProperty("stories").EnumerateArray()
            .SelectMany(s => s.GetProperty("requirements").EnumerateArray().Select(r =>
                $"{s.GetProperty("scenario").GetString()} | {r.GetProperty("requirement").GetString()} | {Number(r, "count")}/{Number(r, "total")} | {r.GetProperty("verdict").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return (result.ExitCode, result.Output + result.Error, requirements);
    }

    private static IEnumerable<string> Verdicts(IReadOnlyList<string> requirements) =>
        requirements.Select(r => r.Split(" | ") is var parts ? $"{parts[0]} | {parts[1]} | {parts[3]}" : r);

    private static string Number(JsonElement requirement, string name) =>
        requirement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "-";

    // Standard output that says when a line holding the given text has been written.
    private sealed class ReadyWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ready => _ready.Task;

        public override Task WriteLineAsync(string? value)
        {
            var written = base.WriteLineAsync(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                _ready.TrySetResult();
            }

            return written;
        }
    }
}
