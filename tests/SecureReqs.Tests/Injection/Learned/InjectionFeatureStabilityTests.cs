using System.Text;

namespace SecureReqs.Tests.Injection.Learned;

/// <summary>
/// The shipped model's weights are indexed by the buckets <see cref="InjectionFeatures.Extract{TSink}"/> computes, so the
/// features must stay exactly what the model was trained on: the same buckets and signs, in the same order (the score sums
/// them in that order), and the same sentence boundaries and request overlap. These tests fingerprint the whole feature
/// stream of seeded texts; a change that moves one bucket, drops a feature or shifts a boundary fails them. A deliberate
/// change of the features needs the model retrained (tools/SecureReqs.InjectionTraining) and new fingerprints.
/// </summary>
public sealed class InjectionFeatureStabilityTests
{
    // Pieces the seeded texts are made of: ASCII words, digits, other scripts, whitespace runs, sentence ends.
    private static readonly string[] Pieces =
    [
        "ignore", "the", "previous", "rules", "send", "invoice", "forward", "summarise", "bitte", "ignoriere", "réponds",
        "naïve", "straße", "données", "système", "привет", "инструкции", "忽略", "指示", "。", "！", "？", "مرحبا", "नमस्ते",
        "2026", "555", "0x1f", "a1b2", "42", "½", "٣", "١٢", "𝟙𝟚", " ", "  ", "\t", "\n", "\n\n", ".", ". ", "!", "?", ";", ",",
        "-", "_", "'", "\"", "(", ")", "[", "]", "<", ">", "/", "\\", "|", "*", "#", "e.g.", "3.14", "http://x.example/a?b=1",
        "\u00A0", "\u2003", "\u200B", "é", "ß", "İ",
    ];

    [Fact]
    public void FeatureStream_OfSeededTexts_IsTheOneTheShippedModelWasTrainedOn()
    {
        var random = new Random(20261205);
        var request = InjectionFeatures.RequestStems("Please summarise the invoice and forward the rules to finance");
        ulong user = Fnv, untrusted = Fnv, withRequest = Fnv;
        long features = 0, sentences = 0;
        for (var t = 0; t < 400; t++)
        {
            var text = SeededText(random, t % 10 == 0 ? 2_000 : 120);
            var shadow = InjectionText.Fold(text).Shadow;
            var sink = new Recorder(Fnv);
            InjectionFeatures.Extract(shadow, InjectionSource.User, [], ref sink);
            user = Combine(user, sink.Hash);
            features += sink.Count;
            sentences += sink.Sentences;
            sink = new Recorder(Fnv);
            InjectionFeatures.Extract(shadow, InjectionSource.Untrusted, [], ref sink);
            untrusted = Combine(untrusted, sink.Hash);
            sink = new Recorder(Fnv);
            InjectionFeatures.Extract(shadow, InjectionSource.Untrusted, request, ref sink);
            withRequest = Combine(withRequest, sink.Hash);
        }

        // Recorded from the extractor the shipped model was trained with (before its loop was rewritten for speed).
        (features, sentences).Should().Be((3_823_192L, 16_730L));
        using var scope = new FluentAssertions.Execution.AssertionScope();
        user.Should().Be(9274012443054373953UL, "the user-source feature stream");
        untrusted.Should().Be(319406895812110706UL, "the untrusted-source feature stream");
        withRequest.Should().Be(15468869994941251482UL, "the stream with the request overlap");
    }

    // The scoring code's fingerprint, on a model of seeded weights rather than the shipped one, so that a retrain (new
    // weights, same code) does not move it and a change to the code always does. The shipped weights themselves are
    // checked against a retrain from the seed material in InjectionTrainingTests.
    [Fact]
    public void Score_OfSeededTexts_IsUnchanged()
    {
        var random = new Random(7);
        var model = SeededModel();
        var request = InjectionFeatures.RequestStems("Translate the attached letter into German");
        var hash = Fnv;
        for (var t = 0; t < 200; t++)
        {
            var shadow = InjectionText.Fold(SeededText(random, 300)).Shadow;
            var (user, s0, e0) = model.Score(shadow, InjectionSource.User, []);
            var (untrusted, s1, e1) = model.Score(shadow, InjectionSource.Untrusted, request);
            hash = Combine(hash, (ulong)BitConverter.DoubleToInt64Bits(user));
            hash = Combine(hash, (ulong)BitConverter.DoubleToInt64Bits(untrusted));
            hash = Combine(hash, (ulong)(uint)s0 << 32 | (uint)e0);
            hash = Combine(hash, (ulong)(uint)s1 << 32 | (uint)e1);
        }

        hash.Should().Be(5259068610801413684UL, "the logits, bit for bit, and their windows");
    }

    // A run of one punctuation mark ("Shipping ........ EUR 35.00" in an invoice) once made the learned stage call an
    // invoice an injection: the run's n-grams were counted once per character and outweighed the words. Past its third
    // character a run adds nothing, so its length cannot move a score.
    [Theory]
    [InlineData('.')]
    [InlineData('-')]
    [InlineData('=')]
    [InlineData('!')]
    [InlineData('*')]
    [InlineData('_')]
    public void PunctuationRun_CountsAsItsFirstThreeCharacters(char mark)
    {
        string Text(int run) => $"Shipping {new string(mark, run)} EUR 35.00\nTotal due {new string(mark, run)} EUR 541.00";
        var three = InjectionText.Fold(Text(3)).Shadow;
        var forty = InjectionText.Fold(Text(40)).Shadow;
        var shorter = InjectionText.Fold(Text(2)).Shadow;

        Buckets(forty).Should().Equal(Buckets(three), "characters after the third of a run add no feature");
        Buckets(shorter).Should().NotEqual(Buckets(three), "the first three characters of a run are features like any others");
        var model = SeededModel();
        foreach (var source in new[] { InjectionSource.User, InjectionSource.Untrusted })
        {
            model.Score(forty, source, []).Logit.Should().Be(model.Score(three, source, []).Logit);
        }
    }

    // A long user turn is scored by its highest stretch of whole sentences that fits in InjectionModel.UserWindow, not
    // whole: scored whole, ten kilobytes of ordinary minutes once read as an injection, because the logit of a text whose
    // features lean one way grows with the square root of its length.
    [Fact]
    public void LongUserTurn_ScoresAsItsHighestWindow_NotByItsLength()
    {
        const string Sentence = "The committee reviewed the quarterly figures and agreed to revisit the pricing. ";
        var fits = InjectionModel.UserWindow / Sentence.Length;
        string Repeated(int times) => InjectionText.Fold(string.Concat(Enumerable.Repeat(Sentence, times))).Shadow;
        var model = SeededModel();

        var (logit, start, end) = model.Score(Repeated(fits * 10), InjectionSource.User, []);

        logit.Should().BeApproximately(model.Score(Repeated(fits * 40), InjectionSource.User, []).Logit, 1e-9, "four times the text is not more suspicious");
        logit.Should().NotBe(model.Score(Repeated(fits / 2), InjectionSource.User, []).Logit, "a text within the window is scored whole");
        (end - start).Should().BeLessThanOrEqualTo(InjectionModel.UserWindow);
    }

    private static List<int> Buckets(string shadow)
    {
        var sink = new BucketList([]);
        InjectionFeatures.Extract(shadow, InjectionSource.Untrusted, [], ref sink);
        return sink.Packed;
    }

    private readonly struct BucketList(List<int> packed) : InjectionFeatures.ISink
    {
        public List<int> Packed { get; } = packed;

        public void Features(ReadOnlySpan<int> features) => Packed.AddRange(features);

        public void EndSentence(int start, int end, int contentWords, int matchedWords)
        {
        }
    }

    private const ulong Fnv = 14695981039346656037UL;

    private static InjectionModel SeededModel()
    {
        var random = new Random(2026);
        var weights = new float[InjectionFeatures.Buckets];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(Half)(random.NextDouble() * 2 - 1);
        }

        return new InjectionModel(weights, biasUser: -1.25f, biasUntrusted: -2.5f, unrelated: 0.75f, related: -0.5f);
    }

    private static ulong Combine(ulong hash, ulong value) => (hash ^ value) * 1099511628211UL;

    private static string SeededText(Random random, int pieces)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) > 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private struct Recorder(ulong hash) : InjectionFeatures.ISink
    {
        public ulong Hash = hash;
        public long Count;
        public long Sentences;

        public void Features(ReadOnlySpan<int> packed)
        {
            foreach (var p in packed)
            {
                Hash = Combine(Hash, ((ulong)(uint)InjectionFeatures.BucketOf(p) << 1) | (InjectionFeatures.SignOf(p) > 0 ? 1UL : 0UL));
                Count++;
            }
        }

        public void EndSentence(int start, int end, int contentWords, int matchedWords)
        {
            Hash = Combine(Hash, ((ulong)(uint)start << 32) | (uint)end);
            Hash = Combine(Hash, ((ulong)(uint)contentWords << 32) | (uint)matchedWords);
            Sentences++;
        }
    }
}
