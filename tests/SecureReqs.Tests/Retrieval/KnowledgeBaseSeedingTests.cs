namespace SecureReqs.Tests;

// Documents added to a deployed knowledge base for a piece of work are removed whatever happens to it, and every failure
// is an error: never swallowed, never a pass.
public sealed class KnowledgeBaseSeedingTests
{
    private static readonly KnowledgeDocument[] Documents =
    [
        new("d1", "One", Classification.Internal, "first"),
        new("d2", "Two", Classification.Confidential, "second"),
        new("d3", "Three", Classification.Confidential, "third"),
    ];

    [Fact]
    public async Task WithDocuments_WorkSucceeds_SeesThemAll_ThenAllAreRemoved()
    {
        var kb = new FakeWriter();

        var seen = await KnowledgeBaseSeeding.WithDocumentsAsync("app", kb, Documents, "test documents", seeded => Task.FromResult(seeded.Select(s => s.Id).ToList()), TestContext.Current.CancellationToken);

        seen.Should().Equal("srv-d1", "srv-d2", "srv-d3");
        kb.Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task WithDocuments_WorkThrows_RemovesThemAll_AndRethrowsTheSameError()
    {
        var kb = new FakeWriter();
        var boom = new InvalidOperationException("the run broke");

        var act = () => KnowledgeBaseSeeding.WithDocumentsAsync<int>("app", kb, Documents, "test documents", _ => throw boom, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Should().BeSameAs(boom);
        kb.Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task WithDocuments_CancelledWork_StillRemovesThem()
    {
        var kb = new FakeWriter();
        using var stop = new CancellationTokenSource();

        var act = () => KnowledgeBaseSeeding.WithDocumentsAsync<int>("app", kb, Documents, "test documents", async _ =>
        {
            await stop.CancelAsync();
            stop.Token.ThrowIfCancellationRequested();
            return 0;
        }, stop.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        kb.Stored.Should().BeEmpty("removal is never cancelled");
    }

    [Fact]
    public async Task WithDocuments_AddFails_RemovesTheOnesAdded_AndNamesTheDocument_WorkNeverRuns()
    {
        var kb = new FakeWriter { FailAdd = "d2" };
        var ran = false;

        var act = () => KnowledgeBaseSeeding.WithDocumentsAsync("app", kb, Documents, "test documents", _ => Task.FromResult(ran = true), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<SecureReqsException>()).Which.Message.Should().Be(
            "Could not add test documents to the knowledge base of the target \"app\" (the fake): document \"d2\" (2 of 3) failed: refused d2. Nothing was judged: a story whose documents are not in place would prove nothing. Check \"knowledgeBase\" in securereqs.json and that the knowledge base accepts the documents.");
        ran.Should().BeFalse();
        kb.Stored.Should().BeEmpty("d1, added before the failure, was removed");
    }

    [Fact]
    public async Task WithDocuments_RemovalFails_IsAnErrorNamingEveryDocumentLeftBehind_AfterTryingThemAll()
    {
        var kb = new FakeWriter { FailRemove = ["srv-d1", "srv-d3"] };

        var act = () => KnowledgeBaseSeeding.WithDocumentsAsync("app", kb, Documents, "test documents", _ => Task.FromResult(1), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<SecureReqsException>()).Which.Message.Should().Be(
            "Clean-up failed: 2 of 3 documents (test documents) are left in the knowledge base of the target \"app\": \"srv-d1\", \"srv-d3\" (the fake; first error: cannot remove srv-d1). Remove them by hand before the knowledge base is used again.");
        kb.Stored.Keys.Should().BeEquivalentTo(["srv-d1", "srv-d3"], "d2 was removed although d1 could not be");
    }

    [Fact]
    public async Task WithDocuments_WorkThrows_AndRemovalFails_ReportsBoth()
    {
        var kb = new FakeWriter { FailRemove = ["srv-d2"] };

        var act = () => KnowledgeBaseSeeding.WithDocumentsAsync<int>("app", kb, Documents, "test documents", _ => throw new InvalidOperationException("the run broke"), TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<SecureReqsException>()).Which;
        error.Message.Should().StartWith("the run broke. Clean-up failed: 1 of 3 documents (test documents) are left in the knowledge base of the target \"app\": \"srv-d2\"");
        error.InnerException.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public void CanaryDocuments_Plant_IsSeeded_UniquePerStory_AndKeepsCanariesOutOfIds()
    {
        KnowledgeDocument[] templates = [new("t1", "T", Classification.Confidential, "Ref {{canary}}."), new("t2", "U", Classification.Internal, "Doc {{canary}} here.")];

        var first = CanaryDocuments.Plant(templates, 42, "story-a");
        var again = CanaryDocuments.Plant(templates, 42, "story-a");
        var other = CanaryDocuments.Plant(templates, 42, "story-b");
        var reseeded = CanaryDocuments.Plant(templates, 43, "story-a");

        first.Should().BeEquivalentTo(again);
        first.Select(d => d.Canary).Should().OnlyHaveUniqueItems().And.OnlyContain(c => c!.StartsWith("SR-", StringComparison.Ordinal) && c.Length == 15);
        first.Select(d => d.Canary).Should().NotIntersectWith(other.Select(d => d.Canary)).And.NotIntersectWith(reseeded.Select(d => d.Canary));
        first.Should().OnlyContain(d => d.Content.Contains(d.Canary!, StringComparison.Ordinal) && !d.Content.Contains("{{canary}}", StringComparison.Ordinal));
        first.Should().OnlyContain(d => !d.Id.Contains(d.Canary!.Substring(3), StringComparison.OrdinalIgnoreCase));
        first.Select(d => d.Id).Should().OnlyContain(id => id.StartsWith("t1-", StringComparison.Ordinal) || id.StartsWith("t2-", StringComparison.Ordinal));
    }

    [Fact]
    public void Preflight_ShardedStoryThatWritesToADeployedKnowledgeBase_IsAProblem()
    {
        var target = new TargetDefinition("deployed", "an app", () => throw new InvalidOperationException("not sent"))
        {
            KnowledgeBase = new FakeWriter(),
            CanaryDocuments = [new("c1", "C", Classification.Confidential, "Ref {{canary}}.")],
            ReportsRetrievals = true,
            Kind = "http",
        };
        var story = new SecurityStory(new StoryRecord { Feature = "F", Scenario = "S" }, new SecurityStoryOptions { Shard = new ShardSpec(1, 2) }) { Target = target, SendsCases = true };
        story.AddDataset(DatasetLoader.Load(Path.Combine(Testing.RepoPaths.Datasets, "retrieval-exposure")));
        story.Require(new NoDocumentAboveClearance());

        story.Preflight().Should().Contain("The story adds documents to the knowledge base of the deployed target \"deployed\", which every shard shares: shards running at once would see (and remove) each other's documents. Run it in a job of its own without --shard (select it with --tags).");
    }

    // An in-memory knowledge base that assigns "srv-<id>" and can be told to fail.
    private sealed class FakeWriter : IKnowledgeBaseWriter
    {
        public Dictionary<string, KnowledgeDocument> Stored { get; } = [];

        public string? FailAdd { get; init; }

        public IReadOnlyCollection<string> FailRemove { get; init; } = [];

        public string Description => "the fake";

        public Task<string> AddAsync(KnowledgeDocument document, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (document.Id == FailAdd)
            {
                throw new SecureReqsException($"refused {document.Id}");
            }

            Stored["srv-" + document.Id] = document;
            return Task.FromResult("srv-" + document.Id);
        }

        public Task RemoveAsync(string id, KnowledgeDocument document, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FailRemove.Contains(id))
            {
                throw new SecureReqsException($"cannot remove {id}");
            }

            Stored.Remove(id);
            return Task.CompletedTask;
        }
    }
}
