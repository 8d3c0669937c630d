using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SecureReqs.Testing;

namespace SecureReqs.Guardrails.Tests;

public sealed class FieldTokenizingChatClientTests
{
    private const string Record = "Retrieved record \"CRM\" (classification: confidential):\nName ..... Ada Lovelace\nsubject_dob=1815-12-10\n\"email\": \"ada@example.com\"\nCalled on Monday about her order";

    private static ChatMessage Context(string text, string kind, string label) =>
        new(ChatRole.User, text) { AdditionalProperties = new() { [CaseInstantiator.ContextKindProperty] = kind, [CaseInstantiator.ContextLabelProperty] = label } };

    private static (ScriptedChatClient Model, List<IReadOnlyList<ChatMessage>> Seen) Recording(string answer = "ok")
    {
        var seen = new List<IReadOnlyList<ChatMessage>>();
        var model = new ScriptedChatClient
        {
            OnGetResponse = (messages, _, _) =>
            {
                seen.Add(messages);
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
            },
        };
        return (model, seen);
    }

    [Fact]
    public async Task GetResponseAsync_ConfidentialRecord_ReachesTheModelWithEveryValueTokenizedAndFreeTextWithheld()
    {
        var (model, seen) = Recording();
        using var client = new FieldTokenizingChatClient(model);

        await client.GetResponseAsync([Context(Record, "record", "confidential"), new ChatMessage(ChatRole.User, "Who is this?")], cancellationToken: TestContext.Current.CancellationToken);

        seen[0][0].Text.Should().Be("Retrieved record \"CRM\" (classification: confidential):\nName ..... [[token-1]]\nsubject_dob=[[token-2]]\n\"email\": [[token-3]]\n[[withheld]]");
        seen[0][0].AdditionalProperties![CaseInstantiator.ContextLabelProperty].Should().Be("confidential");
        seen[0][1].Text.Should().Be("Who is this?");
    }

    [Theory]
    [InlineData("document", "internal")]
    [InlineData("email", "public")]
    public async Task GetResponseAsync_UnprotectedContext_PassesUnchanged(string kind, string label)
    {
        var (model, seen) = Recording();
        using var client = new FieldTokenizingChatClient(model);
        var message = Context("Return window: 30 days\nShip within 2 days", kind, label);

        await client.GetResponseAsync([message], cancellationToken: TestContext.Current.CancellationToken);

        seen[0][0].Should().BeSameAs(message);
    }

    [Fact]
    public async Task GetResponseAsync_DeclaredLabelAndKind_AreProtectedToo()
    {
        var (model, seen) = Recording();
        using var client = new FieldTokenizingChatClient(model);
        client.ProtectedLabels.Add("restricted");
        client.ProtectedKinds.Clear();

        await client.GetResponseAsync([Context("Salary: 90000", "document", "restricted"), Context("Name: Ada", "record", "internal")], cancellationToken: TestContext.Current.CancellationToken);

        seen[0].Select(m => m.Text).Should().Equal("Salary: [[token-1]]", "Name: Ada");
    }

    [Fact]
    public async Task GetResponseAsync_NamedFieldsAndPiiTypes_AreTokenizedInEveryMessageButTheSystemPrompt()
    {
        var (model, seen) = Recording();
        using var client = new FieldTokenizingChatClient(model);
        client.Fields.Add("ssn");
        client.PiiTypes.Add(PiiType.UsSsn);
        ChatMessage[] request =
        [
            new(ChatRole.System, "Never reveal SSN: 536-22-1234."),
            new(ChatRole.User, "My number is 536-22-1234, please check."),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "SSN: 123456789\nTier: gold")]),
        ];

        await client.GetResponseAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        seen[0][0].Should().BeSameAs(request[0]);
        seen[0][1].Text.Should().Be("My number is [[token-1]], please check.");
        seen[0][2].Contents.OfType<FunctionResultContent>().Single().Result.Should().Be("SSN: [[token-2]]\nTier: gold");
    }

    [Fact]
    public async Task GetResponseAsync_OneVaultPerConversation_KeepsTokensAcrossTurnsAndDetokenizesTheAnswerWhenAsked()
    {
        var (model, seen) = Recording("I see [[token-1]] and [[token-9]].");
        using var client = new FieldTokenizingChatClient(model) { DetokenizeAnswers = true };
        var vault = new FieldTokenVault();
        var options = new ChatOptions { AdditionalProperties = new() { [FieldTokenizingChatClient.VaultPropertyName] = vault } };
        var record = Context("Name: Ada Lovelace\nEmail: ada@example.com", "record", "confidential");

        await client.GetResponseAsync([record], options, TestContext.Current.CancellationToken);
        var answer = await client.GetResponseAsync([Context("Email: ada@example.com", "record", "confidential"), record], options, TestContext.Current.CancellationToken);

        seen[1].Select(m => m.Text).Should().Equal("Email: [[token-2]]", "Name: [[token-1]]\nEmail: [[token-2]]");
        answer.Text.Should().Be("I see Ada Lovelace and [[token-9]].");
        vault.Count.Should().Be(2);
        vault.ToString().Should().NotContain("Ada");
    }

    [Fact]
    public async Task GetResponseAsync_ByDefault_AnswersKeepTheirTokens()
    {
        var (model, _) = Recording("Hello [[token-1]].");
        using var client = new FieldTokenizingChatClient(model);

        var answer = await client.GetResponseAsync([Context("Name: Ada", "record", "confidential")], cancellationToken: TestContext.Current.CancellationToken);

        answer.Text.Should().Be("Hello [[token-1]].");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TokenSplitAcrossUpdates_IsDetokenizedWhole()
    {
        var vault = new FieldTokenVault();
        var model = new ScriptedChatClient { OnGetStreamingResponse = (_, _) => Updates("Dear [[tok", "en-1]], your order", " ships [[") };
        using var client = new FieldTokenizingChatClient(model) { DetokenizeAnswers = true };
        var options = new ChatOptions { AdditionalProperties = new() { [FieldTokenizingChatClient.VaultPropertyName] = vault } };
        vault.Tokenize("Ada");

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], options, TestContext.Current.CancellationToken))
        {
            text += update.Text;
        }

        text.Should().Be("Dear Ada, your order ships [[");
    }

    [Fact]
    public void FieldTokenVault_SameValue_SameTokenAndOnlyItsOwnTokensAreRestored()
    {
        var vault = new FieldTokenVault();

        var first = vault.Tokenize("ada@example.com");
        var again = vault.Tokenize("ada@example.com");
        var second = vault.Tokenize("Ada");

        first.Should().Be("[[token-1]]").And.Be(again);
        second.Should().Be("[[token-2]]");
        vault.Detokenize("[[token-2]] <[[token-1]]> [[token-3]]").Should().Be("Ada <ada@example.com> [[token-3]]");
        vault.TryGetValue("[[token-3]]", out _).Should().BeFalse();
    }

    [Fact]
    public void TokenizeProtected_WithheldFreeTextOff_KeepsTheLineWithItsPiiTokenized()
    {
        using var client = new FieldTokenizingChatClient(ScriptedChatClient.Answering("ok")) { WithholdFreeText = false };
        client.PiiTypes.Add(PiiType.Email);

        var text = client.TokenizeProtected("Name: Ada\nShe wrote from ada@example.com on Monday", new FieldTokenVault());

        text.Should().Be("Name: [[token-1]]\nShe wrote from [[token-2]] on Monday");
    }

    [Fact]
    public async Task UseFieldTokenization_ConfiguresTheMiddlewareInThePipeline()
    {
        var (model, seen) = Recording();
        using var client = new ChatClientBuilder(model).UseFieldTokenization(t => t.ProtectedLabels.Add("internal")).Build();

        await client.GetResponseAsync([Context("Floor: 3", "document", "internal")], cancellationToken: TestContext.Current.CancellationToken);

        seen[0][0].Text.Should().Be("Floor: [[token-1]]");
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Updates(params string[] parts)
    {
        foreach (var part in parts)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, part);
        }
    }
}
