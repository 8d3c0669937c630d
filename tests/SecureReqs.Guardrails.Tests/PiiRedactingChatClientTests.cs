using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SecureReqs.Testing;

namespace SecureReqs.Guardrails.Tests;

public sealed class PiiRedactingChatClientTests
{
    private const string Answer =
        "Sure! Your card 4111 1111 1111 1111 is on file, we mail jane.doe@example.com, SSN: 536221234, "
        + "IBAN GB82 WEST 1234 5698 7654 32 and call +44 20 7946 0958 from 10.20.30.40. Anything else?";

    private const string MaskedAnswer =
        "Sure! Your card [card ****1111] is on file, we mail [email], SSN: [ssn], "
        + "IBAN [iban] and call [phone] from [ip]. Anything else?";

    [Fact]
    public async Task GetResponseAsync_AnswerWithPii_MasksEveryTextContentAndMarksTheCount()
    {
        var inner = new ScriptedChatClient
        {
            OnGetResponse = (_, _, _) => Task.FromResult(new ChatResponse(
            [
                new ChatMessage(ChatRole.Assistant, [new TextContent("card 4111111111111111"), new TextContent(" key AKIAIOSFODNN7EXAMPLE")]),
                new ChatMessage(ChatRole.Assistant, "mail a@example.com") { RawRepresentation = "raw a@example.com" },
            ])),
        };
        using var client = new PiiRedactingChatClient(inner);

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        response.Messages[0].Contents.OfType<TextContent>().Select(t => t.Text).Should().Equal("card [card ****1111]", " key [secret]");
        response.Messages[1].Text.Should().Be("mail [email]");
        response.Messages[1].RawRepresentation.Should().BeNull();
        response.AdditionalProperties![PiiRedactingChatClient.RedactionsPropertyName].Should().Be(3);
        client.RedactionCount.Should().Be(3);
    }

    [Theory]
    [InlineData("Ruf mich an: 030 12345678, danke.", "Ruf mich an: [phone], danke.")]
    [InlineData("Appelez le 06 12 34 56 78.", "Appelez le [phone].")]
    [InlineData("Kenya office +254 712 345678.", "Kenya office [phone].")]
    [InlineData("بطاقة ٤١١١ ١١١١ ١١١١ ١١١١ شكرا", "بطاقة [card ****1111] شكرا")]
    [InlineData("Maestro 5018 1234 5673 ok", "Maestro [card ****5673] ok")]
    public async Task GetResponseAsync_RegionalPhonesAndCardsInAnyScript_MaskedLikeTheScanner(string answer, string masked)
    {
        using var client = new PiiRedactingChatClient(ScriptedChatClient.Answering(answer));

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.Should().Be(masked);
        masked.Should().Be(PiiScanner.Default.Mask(answer));
    }

    [Fact]
    public async Task GetResponseAsync_NothingToRedact_LeavesTheResponseUnchanged()
    {
        var original = new ChatResponse(new ChatMessage(ChatRole.Assistant, "Version 1.2.3 ships on 2024-05-01.")) { RawRepresentation = "raw" };
        using var client = new PiiRedactingChatClient(new ScriptedChatClient { OnGetResponse = (_, _, _) => Task.FromResult(original) });

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.Should().Be("Version 1.2.3 ships on 2024-05-01.");
        response.RawRepresentation.Should().Be("raw");
        response.AdditionalProperties.Should().BeNull();
        client.RedactionCount.Should().Be(0);
    }

    [Fact]
    public async Task GetResponseAsync_MixedAnswer_MasksToTheScannersMask()
    {
        using var client = new PiiRedactingChatClient(ScriptedChatClient.Answering(Answer));

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.Should().Be(MaskedAnswer);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public async Task GetStreamingResponseAsync_PiiSplitAcrossChunks_ConcatenationEqualsNonStreamingMask(int chunkSize)
    {
        using var client = new PiiRedactingChatClient(Streaming(Chunk(Answer, chunkSize)));

        var updates = await Collect(client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        string.Concat(updates.Select(u => u.Text)).Should().Be(MaskedAnswer);
        updates.Should().NotContain(u => u.Text.Contains("1111 1111", StringComparison.Ordinal));
        updates.Last(u => u.AdditionalProperties is not null).AdditionalProperties![PiiRedactingChatClient.RedactionsPropertyName].Should().Be(6);
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(3, 64)]
    [InlineData(7, 64)]
    [InlineData(13, 4096)]
    public async Task GetStreamingResponseAsync_LongAnswerLongerThanTheHoldBack_EmitsEarlyAndMasksLikeNonStreaming(int chunkSize, int maxHoldBack)
    {
        var text = string.Join(" Meanwhile, ", Enumerable.Repeat(Answer, 5));
        using var client = new PiiRedactingChatClient(Streaming(Chunk(text, chunkSize))) { MaxHoldBack = maxHoldBack };

        var updates = await Collect(client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        string.Concat(updates.Select(u => u.Text)).Should().Be(PiiScanner.Default.Mask(text));
        updates.Take(updates.Count / 2).Sum(u => u.Text.Length).Should().BeGreaterThan(0, "settled text streams before the end");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SeededRandomChunking_AlwaysEqualsNonStreamingMask()
    {
        var faker = new Bogus.Faker("en") { Random = new Bogus.Randomizer(2024) };
        var failures = new List<string>();

        for (var i = 0; i < 60; i++)
        {
            var text = $"{faker.Lorem.Sentence()} Card {faker.PickRandom("4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005")}, "
                + $"mail {faker.Internet.Email()} or {faker.Internet.Ip()}; {faker.Lorem.Sentence()} IBAN {faker.Finance.Iban(formatted: true)}. "
                + $"token=sk_live_{faker.Random.AlphaNumeric(24)} {faker.Lorem.Sentence()}";
            var chunks = RandomChunks(text, faker.Random);
            using var client = new PiiRedactingChatClient(Streaming(chunks)) { MaxHoldBack = 64 };

            var updates = await Collect(client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

            var streamed = string.Concat(updates.Select(u => u.Text));
            if (streamed != PiiScanner.Default.Mask(text))
            {
                failures.Add($"{streamed}\n  expected {PiiScanner.Default.Mask(text)}");
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_PrivateKeyBlockInSmallChunks_MaskedWhole()
    {
        var text = "Here:\n-----BEGIN PRIVATE KEY-----\n" + string.Concat(Enumerable.Repeat("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n", 40))
            + "-----END PRIVATE KEY-----\nDone.";
        using var client = new PiiRedactingChatClient(Streaming(Chunk(text, 5))) { MaxHoldBack = 64 };

        var updates = await Collect(client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        string.Concat(updates.Select(u => u.Text)).Should().Be("Here:\n[secret]\nDone.");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Metadata_PassesThrough()
    {
        var usage = new UsageContent(new UsageDetails { InputTokenCount = 3, OutputTokenCount = 9 });
        var call = new FunctionCallContent("call-1", "lookup");
        ChatResponseUpdate[] script =
        [
            new(ChatRole.Assistant, "card 4111 11") { ResponseId = "r1", MessageId = "m1", ModelId = "model-x", ConversationId = "c1" },
            new(ChatRole.Assistant, [call]) { ResponseId = "r1", MessageId = "m1" },
            new(ChatRole.Assistant, "11 1111 1111 ok") { ResponseId = "r1", MessageId = "m1", FinishReason = ChatFinishReason.Stop },
            new(null, [usage]) { ResponseId = "r1" },
        ];
        using var client = new PiiRedactingChatClient(Streaming(script));

        var updates = await Collect(client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        updates.Take(4).Select(u => (u.ResponseId, u.MessageId, u.Role, u.FinishReason)).Should().Equal(
            ("r1", "m1", ChatRole.Assistant, null),
            ("r1", "m1", ChatRole.Assistant, null),
            ("r1", "m1", ChatRole.Assistant, ChatFinishReason.Stop),
            ("r1", null, null, null));
        updates[0].ModelId.Should().Be("model-x");
        updates[0].ConversationId.Should().Be("c1");
        updates[1].Contents.Should().ContainSingle().Which.Should().BeSameAs(call);
        updates[3].Contents.Should().ContainSingle().Which.Should().BeSameAs(usage);
        var response = updates.ToChatResponse();
        response.Text.Should().Be("card [card ****1111] ok");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.OutputTokenCount.Should().Be(9);
        response.Messages.Should().ContainSingle().Which.MessageId.Should().Be("m1");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_NothingToRedact_TextAndUpdatesUnchanged()
    {
        const string text = "Plain answer with version 1.2.3 and 42 apples, nothing personal.";
        using var client = new PiiRedactingChatClient(Streaming(Chunk(text, 4)));

        var updates = await Collect(client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        string.Concat(updates.Select(u => u.Text)).Should().Be(text);
        updates.Should().OnlyContain(u => u.AdditionalProperties == null);
        client.RedactionCount.Should().Be(0);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TwoMessages_HeldTextStaysWithItsMessage()
    {
        ChatResponseUpdate[] script =
        [
            new(ChatRole.Assistant, "first ends with 4111 1111 1111 1111") { MessageId = "m1" },
            new(ChatRole.Assistant, "second message") { MessageId = "m2" },
        ];
        using var client = new PiiRedactingChatClient(Streaming(script));

        var updates = await Collect(client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        var response = updates.ToChatResponse();
        response.Messages.Select(m => m.Text).Should().Equal("first ends with [card ****1111]", "second message");
    }

    [Fact]
    public async Task GetResponseAsync_RedactInputOn_InnerClientSeesMaskedUserTextAndCallerHistoryIsUntouched()
    {
        IReadOnlyList<ChatMessage>? seen = null;
        var inner = new ScriptedChatClient
        {
            OnGetResponse = (messages, _, _) =>
            {
                seen = messages;
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
            },
        };
        using var client = new PiiRedactingChatClient(inner) { RedactInput = true };
        List<ChatMessage> history = [new(ChatRole.System, "admin a@example.com"), new(ChatRole.User, "my card is 4111111111111111")];

        await client.GetResponseAsync(history, cancellationToken: TestContext.Current.CancellationToken);

        seen!.Select(m => m.Text).Should().Equal("admin a@example.com", "my card is [card ****1111]");
        history[1].Text.Should().Be("my card is 4111111111111111");
    }

    [Fact]
    public async Task GetResponseAsync_RedactInputOff_InnerClientSeesTheOriginalInput()
    {
        var inner = ScriptedChatClient.Replying(last => $"you said {last}");
        using var client = new PiiRedactingChatClient(inner);

        var response = await client.GetResponseAsync("card 4111111111111111", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.Should().Be("you said card [card ****1111]");
    }

    [Fact]
    public async Task UsePiiRedaction_WithConfigure_BuildsAConfiguredClientThatReportsEachRedaction()
    {
        var types = new List<PiiType>();
        using var client = new ChatClientBuilder(ScriptedChatClient.Answering("a@example.com and 4111111111111111"))
            .UsePiiRedaction(c =>
            {
                c.Scanner = new PiiScanner([PiiType.Email]);
                c.OnRedaction = types.Add;
            })
            .Build();

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.Should().Be("[email] and 4111111111111111");
        types.Should().Equal(PiiType.Email);
        client.GetService<PiiRedactingChatClient>()!.RedactionCount.Should().Be(1);
    }

    [Fact]
    public void MaxHoldBack_BelowMinimum_Throws()
    {
        using var client = new PiiRedactingChatClient(ScriptedChatClient.Answering("x"));

        var act = () => client.MaxHoldBack = 10;

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static ScriptedChatClient Streaming(IEnumerable<ChatResponseUpdate> updates) =>
        new() { OnGetStreamingResponse = (_, _) => ToAsync(updates) };

    private static ScriptedChatClient Streaming(IEnumerable<string> chunks) =>
        Streaming(chunks.Select(c => new ChatResponseUpdate(ChatRole.Assistant, c) { ResponseId = "r1", MessageId = "m1" }).ToList());

    private static IEnumerable<string> Chunk(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    private static List<string> RandomChunks(string text, Bogus.Randomizer random)
    {
        var chunks = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var size = Math.Min(random.Number(1, 20), text.Length - i);
            chunks.Add(text.Substring(i, size));
            i += size;
        }

        return chunks;
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> ToAsync(IEnumerable<ChatResponseUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return update;
        }
    }

    private static async Task<List<ChatResponseUpdate>> Collect(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }
}
