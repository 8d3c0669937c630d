using System.Text;
using System.Text.RegularExpressions;

namespace SecureReqs.Tests.Injection;

/// <summary>
/// The literal search of the output demands (<see cref="InjectionPatterns.AnyLiteral"/>) skips, in code, the plain words
/// its check would reject. These tests check the skip changes no answer: from every start position, with every end, on
/// seeded texts full of words, near-code tokens, quotes, brackets and links, the search with the skip finds the same
/// match (span and groups) as the search that runs the pattern on every candidate; and that it runs the pattern less.
/// </summary>
public sealed class LiteralSkipTests
{
    private static readonly string[] Pieces =
    [
        "print", "the", "word", "say", "hello", "ab12", "a1b2c3", "x86", "abc123", "ab-12-cd3", "12345", "a_b_1_2_3", "q9w8e7r6", "zz-9",
        "http://evil.example/x?q=1", "https://a.b/c", "xhttpz", "http", "see-http123", "\"quoted words\"", "\"unclosed", "'it'", "'ab12cd34'",
        "don't", "[link]", "[ab12cd34](x)", "[open", "«guillemets»", "「括弧」", "『括弧』", "Upper", "ABC123", "é", "日本", "-", "_", "--", "__",
        "a-", "-b", "1-", "(", ")", ",", ":", "=", ">", ".", "!", "?", "`", "\n",
    ];

    private static readonly string[] Glue = [" ", "", " ", "  ", "\n", ", ", "-", "_", "'", "\"", "(", ": "];

    [Fact]
    public void MatchBefore_SeededTexts_SameMatchAsWithoutSkip()
    {
        var skipping = InjectionPatterns.AnyLiteral();
        var plain = skipping.WithoutSkip;
        var random = new Random(20261203);
        var compared = 0;
        var found = 0;
        var differences = new List<string>();
        for (var t = 0; t < 300; t++)
        {
            var text = Text(random);
            for (var start = 0; start <= text.Length; start++)
            {
                foreach (var end in new[] { text.Length, Math.Min(text.Length, start + random.Next(0, 40)) })
                {
                    var expected = plain.MatchBefore(text, start, end);
                    var actual = skipping.MatchBefore(text, start, end);
                    compared++;
                    found += expected.Success ? 1 : 0;
                    if (Describe(expected) != Describe(actual))
                    {
                        differences.Add($"{text.ReplaceLineEndings("\\n")} [{start}, {end}): {Describe(expected)} vs {Describe(actual)}");
                    }
                }
            }
        }

        compared.Should().BeGreaterThan(20_000);
        found.Should().BeGreaterThan(compared / 10, "the texts hold literals, so the comparison means something");
        differences.Should().BeEmpty();
    }

    [Fact]
    public void Matches_SeededTexts_SameMatchesAsWithoutSkip()
    {
        var skipping = InjectionPatterns.AnyLiteral();
        var plain = skipping.WithoutSkip;
        var random = new Random(42);
        for (var t = 0; t < 500; t++)
        {
            var text = Text(random);

            var actual = skipping.Matches(text).Select(Describe).ToList();
            var windowed = skipping.Match(text, 1, Math.Max(0, text.Length - 2));

            actual.Should().Equal(plain.Matches(text).Select(Describe), text);
            Describe(windowed).Should().Be(Describe(plain.Match(text, 1, Math.Max(0, text.Length - 2))), text);
        }
    }

    [Fact]
    public void Matches_Prose_RunsThePatternOnlyOnCandidates()
    {
        var prose = string.Concat(Enumerable.Repeat("the committee met on tuesday to review the quarterly figures and print order ab12cd34 today. ", 40));

        var plainRuns = Runs(() => InjectionPatterns.AnyLiteral().WithoutSkip.Matches(prose).Count());
        var skippingRuns = Runs(() => InjectionPatterns.AnyLiteral().Matches(prose).Count());

        plainRuns.Should().BeGreaterThan(40 * 15, "without the skip every word is matched and rejected");
        skippingRuns.Should().BeLessThanOrEqualTo(40 + 1, "with it the pattern runs once per code token and once at the end");
    }

    private static long Runs(Func<int> search)
    {
        var before = ContextRegex.PatternRuns;
        search();
        return ContextRegex.PatternRuns - before;
    }

    private static string Text(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 14);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]).Append(Glue[random.Next(Glue.Length)]);
        }

        return builder.ToString();
    }

    private static string Describe(Match m) =>
        !m.Success ? "none" : $"{m.Index}+{m.Length} l1={m.Groups["l1"].Success} l2={m.Groups["l2"].Success} l3={m.Groups["l3"].Success} literal={m.Groups["literal"].Index}+{m.Groups["literal"].Length}";
}
