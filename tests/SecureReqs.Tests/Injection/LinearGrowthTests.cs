using System.Text;
using System.Text.RegularExpressions;

namespace SecureReqs.Tests.Injection;

/// <summary>
/// A linear instance that has built many states is replaced before the engine leaves its automaton for the slower
/// simulation that answered wrongly (<see cref="LinearGrowth"/>). These tests read the count on the runtime in use, so a
/// runtime whose private fields differ fails here instead of silently never renewing.
/// </summary>
public sealed class LinearGrowthTests
{
    private const RegexOptions Linear = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    private const string Pattern = @"\b(?:ignore|forget|reveal|print|repeat)\s+(?:all\s+|the\s+|your\s+)?(?:previous\s+|prior\s+|hidden\s+)?(?:instructions|rules|prompt)\b\w{0,4}";

    // A window between two words: the automaton tracks every recent start, so different texts keep building states.
    private const string Growing = @"(?:ignore|reveal|print)[\s\S]{6,14}(?:rules|prompt)";

    [Fact]
    public void States_OfALinearInstance_AreReadAndGrowWithNewTexts()
    {
        var regex = new Regex(Pattern, Linear);
        LinearGrowth.States(regex).Should().NotBeNull("the runtime's matcher must be readable, or no instance is ever renewed");

        regex.IsMatch("please ignore all previous instructions");
        var afterOne = LinearGrowth.States(regex)!.Value;
        afterOne.Should().BePositive();

        foreach (var text in Texts(200, seed: 7))
        {
            regex.IsMatch(text);
        }

        LinearGrowth.States(regex).Should().BeGreaterThan(afterOne, "new texts build new states");
    }

    [Fact]
    public void States_OfABacktrackingInstance_AreNull()
    {
        LinearGrowth.States(new Regex(Pattern, Linear & ~RegexOptions.NonBacktracking)).Should().BeNull();
    }

    [Fact]
    public void Tier_RenewsItsLinearInstance_WhenTheAutomatonGrows_AndAnswersAsTheBacktrackingEngine()
    {
        var tier = TieredRegex.Of("test", Growing, Linear, () => new Regex(Growing, Linear), maxStates: 100);
        tier.ToLinear();
        var backtracking = new Regex(Growing, Linear & ~RegexOptions.NonBacktracking);
        var unrenewed = new Regex(Growing, Linear);
        var (matched, first) = (0, tier.Linear);

        foreach (var text in Texts(2_000, seed: 20261207))
        {
            var expected = backtracking.Matches(text).Select(m => (m.Index, m.Length)).ToList();
            tier.IsMatch(text).Should().Be(expected.Count > 0, text);
            tier.Matches(text).Select(m => (m.Index, m.Length)).Should().Equal(expected, text);
            unrenewed.Matches(text).Count.Should().Be(expected.Count);
            matched += expected.Count > 0 ? 1 : 0;
        }

        matched.Should().BeGreaterThan(100, "the texts must exercise the pattern");
        LinearGrowth.States(unrenewed).Should().BeGreaterThan(500, "without renewal the automaton keeps growing");
        tier.Renewals.Should().BeGreaterThan(1);
        tier.Linear.Should().NotBeSameAs(first);
        LinearGrowth.States(tier.Linear).Should().BeLessThan(LinearGrowth.States(unrenewed)!.Value / 2, "a renewed instance holds only the states built since");
    }

    [Fact]
    public void Tier_WithTheDefaultBound_KeepsItsInstanceOnOrdinaryUse()
    {
        var tier = TieredRegex.Of("test", Pattern, Linear, () => new Regex(Pattern, Linear));
        tier.ToLinear();
        var first = tier.Linear;
        foreach (var text in Texts(500, seed: 3))
        {
            tier.IsMatch(text);
        }

        tier.Renewals.Should().Be(0);
        tier.Linear.Should().BeSameAs(first);
    }

    // Seeded texts from the pattern's words and others, joined in varied ways, so that the automaton meets many contexts.
    private static IEnumerable<string> Texts(int count, int seed)
    {
        string[] words = ["ignore", "forget", "reveal", "print", "repeat", "all", "the", "your", "previous", "prior", "hidden", "instructions", "rules", "prompt", "please", "now", "café", "日本", "x1", "_", "rulesets", "prompting"];
        string[] glue = [" ", "  ", "\n", "-", "_", ", ", ". ", "", "\t"];
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            for (var n = random.Next(2, 16); n > 0; n--)
            {
                sb.Append(words[random.Next(words.Length)]).Append(glue[random.Next(glue.Length)]);
            }

            yield return random.Next(4) == 0 ? sb.ToString().ToUpperInvariant() : sb.ToString();
        }
    }
}
