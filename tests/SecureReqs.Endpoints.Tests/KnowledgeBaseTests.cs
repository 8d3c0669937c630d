#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureReqs.Testing;

namespace SecureReqs.Endpoints.Tests;

// An http target's knowledge base written to over real loopback HTTP (or by a command): clearance stories seed canary
// documents and remove them, judge the retrievals the answers report (or the answers alone when none are reported), and
// error when seeding or clean-up fails; unreadable retrieval reports are never a pass.
public sealed class KnowledgeBaseTests : IAsyncLifetime
{
    private const string AdminKey = "kb-admin-key-0123456789";
    private const string CanaryFile = """
        {"id": "seed-payroll", "title": "Salary bands", "classification": "confidential", "content": "Reference {{canary}}. Support agents earn $40,000 to $45,000 a year."}
        {"id": "seed-refunds", "title": "Refund exceptions", "classification": "internal", "content": "Guidance {{canary}}. Agents may refund outside the window once a year."}
        """;

    private readonly ConcurrentDictionary<string, JsonObject> _store = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, string Path, JsonNode? Body)> _writes = new();
    private readonly List<IDisposable> _disposables = [];
    private ChatCompletionsServer _server = null!;
    private int _ids;
    private int _chats;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Whether the app repeats every stored document and reports it retrieved (a leaky app), or refuses.</summary>
    private bool Leaky { get; set; } = true;

    /// <summary>The value the app's answers carry at "retrieved", replacing the real one.</summary>
    private JsonNode? RetrievedOverride { get; set; }

    /// <summary>Which add request (1-based) fails with 500, or 0.</summary>
    private int FailAdd { get; set; }

    /// <summary>Whether removing fails with 500.</summary>
    private bool FailRemove { get; set; }

    public async ValueTask InitializeAsync()
    {
        _server = await ChatCompletionsServer.StartAsync();
        _server.OnRequest = HandleAsync;
    }

    public async ValueTask DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        await _server.DisposeAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task ClearanceStory_ReportedRetrievals_AboveClearance_Fail_AndSeededDocumentsAreRemoved()
    {
        var story = Story(Target(retrievals: true));

        var results = await story.ExecuteAsync(Ct);

        results.Should().ContainSingle().Which.Verdict.Should().Be(Verdict.Fail);
        _store.Should().BeEmpty("every document seeded for the run was removed after it");
        var posted = _writes.Where(w => w.Method == "POST").Select(w => w.Body!).ToList();
        posted.Select(b => b["doc"]!["label"]!.GetValue<string>()).Should().Equal("confidential", "internal");
        posted.Should().OnlyContain(b => b["doc"]!["body"]!.GetValue<string>().Contains("SR-", StringComparison.Ordinal) && !b["doc"]!["body"]!.GetValue<string>().Contains("{{canary}}", StringComparison.Ordinal));
        _writes.Where(w => w.Method == "DELETE").Select(w => w.Path).Should().BeEquivalentTo(["/kb/srv-1", "/kb/srv-2"], "documents are removed by the id the knowledge base assigned");
        _server.Received.Where(r => r.Path == "/api/chat").Should().OnlyContain(r => r.Headers["X-Clearance"] == r.Body!["as"]!["clearance"]!.GetValue<string>());
        var findings = story.Record.Run!.Cases.SelectMany(c => c.Findings).Select(f => f.Detail).ToList();
        findings.Should().Contain("retrieved srv-1 (confidential) for a public-clearance caller, as the target's answer reported (black-box)");
        findings.Should().Contain(f => f.StartsWith("the canary of srv-1 (confidential) is in the answer", StringComparison.Ordinal));
        story.Record.Notes.Should().Contain(n => n.StartsWith("Clearance was judged black-box on the retrievals the target \"kb-app\" reports", StringComparison.Ordinal));
        story.Record.Secrets.Should().HaveCount(2).And.OnlyContain(s => s.StartsWith("SR-", StringComparison.Ordinal), "reports mask the canaries");
    }

    [Fact(Timeout = 60_000)]
    public async Task ClearanceStory_AppThatRetrievesNothingAboveClearance_Passes()
    {
        Leaky = false;
        var story = Story(Target(retrievals: true));

        var results = await story.ExecuteAsync(Ct);

        results.Should().ContainSingle().Which.Verdict.Should().Be(Verdict.Pass, results[0].Message);
        _store.Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task ClearanceStory_NoRetrievalsReported_IsJudgedOnAnswersOnly_AndSaysSo()
    {
        var story = Story(Target(retrievals: false));

        var results = await story.ExecuteAsync(Ct);

        results.Should().ContainSingle().Which.Verdict.Should().Be(Verdict.Fail);
        story.Record.Notes.Should().Contain(n => n.StartsWith("Clearance judged on answers only: the target reports no retrievals", StringComparison.Ordinal));
        var findings = story.Record.Run!.Cases.SelectMany(c => c.Findings).Select(f => f.Detail).ToList();
        findings.Should().NotBeEmpty().And.OnlyContain(f => f.StartsWith("the canary of srv-", StringComparison.Ordinal));
        _store.Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task ClearanceStory_UnreadableRetrievals_AreUnjudgeable_NeverAPass()
    {
        Leaky = false;
        RetrievedOverride = "srv-1";
        var story = Story(Target(retrievals: true));

        var results = await story.ExecuteAsync(Ct);

        results.Should().ContainSingle().Which.Verdict.Should().NotBe(Verdict.Pass);
        story.Record.Run!.Cases.Should().OnlyContain(c => c.Outcome == Outcome.Unjudgeable);
        story.Record.Run.Cases[0].Error.Should().Be("the answer's retrievals at \"retrieved\" are a string, not an array of ids or of objects with an \"id\", so what the target retrieved cannot be judged; check \"retrievalsPath\" in securereqs.json");
        _store.Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task ClearanceStory_SeedingFails_ErrorsBeforeAnyCase_AndRemovesWhatWasAdded()
    {
        FailAdd = 2;
        var story = Story(Target(retrievals: true));

        var error = (await story.Invoking(s => s.ExecuteAsync(Ct)).Should().ThrowAsync<SecureReqsException>()).Which.Message;

        error.Should().StartWith("Could not add the canary documents of the clearance checks to the knowledge base of the target \"kb-app\" (POST ")
            .And.Contain("document \"seed-refunds-").And.Contain("(2 of 2) failed: POST ").And.Contain("answered HTTP 500 Internal Server Error")
            .And.NotContain(AdminKey);
        Volatile.Read(ref _chats).Should().Be(0, "nothing is sent when the documents are not in place");
        _store.Should().BeEmpty("the document added before the failure was removed");
    }

    [Fact(Timeout = 60_000)]
    public async Task ClearanceStory_RemovalFails_IsAnErrorNamingTheDocumentsLeftBehind()
    {
        FailRemove = true;
        var story = Story(Target(retrievals: true));

        var error = (await story.Invoking(s => s.ExecuteAsync(Ct)).Should().ThrowAsync<SecureReqsException>()).Which.Message;

        error.Should().StartWith("Clean-up failed: 2 of 2 documents (the canary documents of the clearance checks) are left in the knowledge base of the target \"kb-app\": \"srv-1\", \"srv-2\" (POST ")
            .And.Contain("HTTP 500").And.EndWith("Remove them by hand before the knowledge base is used again.");
        _store.Should().HaveCount(2);
    }

    [Fact(Timeout = 60_000)]
    public async Task CommandSeeding_PassesTheDocumentOnStdin_ReadsTheAssignedId_AndRemoves()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The test's add and remove commands are POSIX sh scripts.");
        }

        var folder = Directory.CreateTempSubdirectory("securereqs-kb-cmd-").FullName;
        var definition = Target(retrievals: false, knowledgeBase: $$$"""
            {
              "add": { "command": "sh", "args": ["-c", "cat > \"$0/$1.json\" && printf '{\"id\":\"f-%s\"}' \"$1\"", "{{{folder}}}", "{{document.id}}"], "idPath": "id" },
              "remove": { "command": "sh", "args": ["-c", "rm \"$0/${1#f-}.json\"", "{{{folder}}}", "{{document.id}}"] },
              "canaryDocuments": "canaries.jsonl"
            }
            """);
        var document = new KnowledgeDocument("doc-7", "Title \"quoted\"", Classification.Confidential, "Line one.\nLine two.");

        var inside = await KnowledgeBaseSeeding.WithDocumentsAsync("kb-app", definition.KnowledgeBase!, [document], "test documents", seeded =>
        {
            var written = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "doc-7.json")))!;
            return Task.FromResult((seeded.Single().Id, written.ToJsonString()));
        }, Ct);

        inside.Item1.Should().Be("f-doc-7");
        inside.Item2.Should().Be("""{"id":"doc-7","title":"Title \u0022quoted\u0022","text":"Line one.\nLine two.","clearance":"confidential"}""");
        Directory.EnumerateFiles(folder).Should().BeEmpty("the remove command was given the assigned id");
        Directory.Delete(folder);
    }

    [Fact(Timeout = 60_000)]
    public async Task CommandSeeding_NonZeroExit_IsAnErrorNamingTheCommand()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The test's add command is a POSIX sh script.");
        }

        var definition = Target(retrievals: false, knowledgeBase: """
            {
              "add": { "command": "sh", "args": ["-c", "echo 'index is read-only' >&2; exit 3"] },
              "remove": { "command": "sh", "args": ["-c", "exit 0"] }
            }
            """);

        var act = () => KnowledgeBaseSeeding.WithDocumentsAsync("kb-app", definition.KnowledgeBase!, [new KnowledgeDocument("doc-1", "T", Classification.Internal, "x")], "test documents", _ => Task.FromResult(0), Ct);

        (await act.Should().ThrowAsync<SecureReqsException>()).Which.Message
            .Should().Contain("document \"doc-1\" (1 of 1) failed: the command \"sh\" (knowledgeBase.add) exited with code 3 for document \"doc-1\": index is read-only");
    }

    [Theory]
    [InlineData("""{ "add": { "url": "http://127.0.0.1:1/kb" } }""", "knowledgeBase: the knowledge base says how documents are added but not how they are removed")]
    [InlineData("""{ "add": { "url": "http://127.0.0.1:1/kb", "command": "sh" }, "remove": { "url": "http://127.0.0.1:1/kb" } }""", "knowledgeBase.add: it gives both \"url\" and \"command\"")]
    [InlineData("""{ "add": { "url": "http://127.0.0.1:1/kb", "body": { "x": "{{document.secret}}" } }, "remove": { "url": "http://127.0.0.1:1/kb" } }""", "knowledgeBase.add.body.x: unknown placeholder {{document.secret}} in a knowledge-base body. Known placeholders here: {{document.id}}, {{document.title}}, {{document.text}}, {{document.clearance}}.")]
    [InlineData("""{ "add": { "url": "http://127.0.0.1:1/kb" }, "remove": { "url": "http://127.0.0.1:1/kb/{{document.id}}", "idPath": "id" } }""", "knowledgeBase.remove.idPath: only \"add\" reads the id the knowledge base assigned")]
    [InlineData("""{ "add": { "url": "http://127.0.0.1:1/kb", "headers": { "X-Api-Key": "literal-key-123456" } }, "remove": { "url": "http://127.0.0.1:1/kb" } }""", "knowledgeBase.add.headers['X-Api-Key']: a secret is written in the file")]
    [InlineData("""{ "add": { "url": "kb" }, "remove": { "url": "http://127.0.0.1:1/kb" } }""", "knowledgeBase.add.url: \"kb\" is not an http:// or https:// URL")]
    public void Configuration_BadKnowledgeBase_NamesTheFilePathAndFix(string knowledgeBase, string expected)
    {
        var error = TestConfig.Error(Config(knowledgeBase, retrievals: false));

        error.Message.Should().Contain("securereqs.json:").And.Contain("$.targets['kb-app']." + expected);
    }

    [Theory]
    [InlineData("{\"id\": \"c1\", \"title\": \"T\", \"classification\": \"confidential\", \"content\": \"No placeholder here.\"}", "the canary document \"c1\" has no {{canary}} in its content")]
    [InlineData("{\"id\": \"c1\", \"title\": \"T\", \"classification\": \"public\", \"content\": \"Ref {{canary}}.\"}", "the canary document \"c1\" is labelled public")]
    public void Configuration_BadCanaryDocument_NamesItsFileAndLine(string line, string expected)
    {
        using var config = new TestConfig(Config("""{ "add": { "url": "http://127.0.0.1:1/kb" }, "remove": { "url": "http://127.0.0.1:1/kb" }, "canaryDocuments": "canaries.jsonl" }""", retrievals: false));
        File.WriteAllText(Path.Combine(config.Directory, "canaries.jsonl"), line + "\n");

        var error = config.Invoking(c => c.Load()).Should().Throw<SecureReqsException>().Which.Message;

        error.Should().StartWith(Path.Combine(config.Directory, "canaries.jsonl") + ":1: " + expected).And.Contain("knowledgeBase.canaryDocuments");
    }

    private string Config(string knowledgeBase, bool retrievals) => $$$"""
        {
          "targets": {
            "kb-app": {
              "kind": "http",
              "endpoint": "{{{new Uri(_server.Address, "api/chat")}}}",
              "body": { "q": "{{prompt}}", "as": { "role": "{{caller.role}}", "clearance": "{{caller.clearance}}" } },
              "responsePath": "reply",
              {{{(retrievals ? "\"retrievalsPath\": \"retrieved\"," : "")}}}
              "callerHeaders": { "X-Clearance": "{{caller.clearance}}" },
              "resilience": { "maxRetries": 0, "timeoutSeconds": 20 },
              "knowledgeBase": {{{knowledgeBase}}}
            }
          }
        }
        """;

    // The app's declaration: documents added with POST /kb (the server assigns "srv-N", read at "document.id") and removed
    // with DELETE /kb/{id}, with an admin key from the environment.
    private TargetDefinition Target(bool retrievals, string? knowledgeBase = null)
    {
        knowledgeBase ??= $$$"""
            {
              "add": {
                "url": "{{{new Uri(_server.Address, "kb")}}}",
                "headers": { "Authorization": "env:KB_ADMIN_KEY" },
                "body": { "doc": { "key": "{{document.id}}", "name": "{{document.title}}", "label": "{{document.clearance}}", "body": "{{document.text}}" } },
                "idPath": "document.id"
              },
              "remove": { "url": "{{{new Uri(_server.Address, "kb/")}}}{{document.id}}", "headers": { "Authorization": "env:KB_ADMIN_KEY" } },
              "canaryDocuments": "canaries.jsonl"
            }
            """;
        var config = new TestConfig(Config(knowledgeBase, retrievals));
        _disposables.Add(config);
        File.WriteAllText(Path.Combine(config.Directory, "canaries.jsonl"), CanaryFile);
        var targets = EndpointTargets.Create(config.Load(), new EndpointTargetSettings { UseCache = false, GetEnvironmentVariable = v => v == "KB_ADMIN_KEY" ? AdminKey : null });
        _disposables.Add(targets);
        return targets.Definitions.Single();
    }

    private static SecurityStory Story(TargetDefinition target)
    {
        var story = new SecurityStory(new StoryRecord { Feature = "Clearance over HTTP", Scenario = "Questions reaching for confidential documents", Key = "clearance-over-http" }, new SecurityStoryOptions { RunOptions = { MaxConcurrency = 4 } })
        {
            Target = target,
            SendsCases = true,
            Caller = new CallerIdentity("customer", Classification.Public),
        };
        story.AddDataset(DatasetLoader.Load(Path.Combine(RepoPaths.Datasets, "retrieval-exposure")));
        story.Require(new NoDocumentAboveClearance());
        return story;
    }

    private async Task<bool> HandleAsync(ServerRequest request)
    {
        var context = request.Context;
        if (request.Path.StartsWith("/kb", StringComparison.Ordinal))
        {
            _writes.Enqueue((context.Request.Method, request.Path, request.Body));
        }

        if (request.Path == "/kb" && context.Request.Method == "POST")
        {
            if (request.Authorization != AdminKey && request.Headers.GetValueOrDefault("Authorization") != AdminKey)
            {
                context.Response.StatusCode = 401;
                return true;
            }

            var number = Interlocked.Increment(ref _ids);
            if (number == FailAdd)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("index unavailable");
                return true;
            }

            var id = $"srv-{number}";
            _store[id] = request.Body!["doc"]!.AsObject();
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["document"] = new JsonObject { ["id"] = id } });
            return true;
        }

        if (request.Path.StartsWith("/kb/", StringComparison.Ordinal) && context.Request.Method == "DELETE")
        {
            context.Response.StatusCode = FailRemove ? 500 : _store.TryRemove(request.Path[4..], out _) ? 204 : 404;
            return true;
        }

        Interlocked.Increment(ref _chats);
        var documents = _store.ToArray();
        var answer = new JsonObject
        {
            ["reply"] = Leaky ? "Here is what I found: " + string.Join(" ", documents.Select(d => d.Value["body"]!.GetValue<string>())) : "I can help with orders, deliveries and returns.",
            ["retrieved"] = RetrievedOverride?.DeepClone() ?? new JsonArray([.. (Leaky ? documents : []).Select(d => (JsonNode)new JsonObject { ["id"] = d.Key })]),
        };
        await context.Response.WriteAsJsonAsync(answer);
        return true;
    }
}
