using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace SecureReqs.Tests.Injection;

/// <summary>
/// The pattern stage runs a pattern on the backtracking engine until it has been used a lot, then on the linear engine
/// (<see cref="TieredRegex"/>). Which engine ran must never change what the scan finds: for every tiered pattern, both
/// engines must find the same matches (spans and groups) on every dataset text, its folded shadow and seeded texts built
/// from the patterns' own literals; for a pattern with a lazy quantifier, where only the linear engine's spans are used,
/// both must at least agree on whether a text has a match.
/// </summary>
public sealed class TieredRegexTests
{
    private const RegexOptions Linear = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    private static readonly Lazy<string[]> Texts = new(LoadTexts);

    // The patterns built with a higher automaton limit (LinearRegex.Large) rather than source-generated.
    private static readonly string[] LargePatterns = ["RoleFrame", "ExtractionMore", "SecretAskedMore"];

    [Fact]
    public void EveryTieredPattern_DatasetAndSeededTexts_BothEnginesFindTheSame()
    {
        var (tiers, sameSpans, matchedTexts, renewals) = (0, 0, 0L, 0);
        var differences = new List<string>();
        foreach (var (name, tier) in TieredPatterns())
        {
            tiers++;
            sameSpans += tier.SameSpans ? 1 : 0;
            // A match that times out (on a busy machine running tests in parallel) is found on the linear engine in use;
            // here it is found again without a timeout, so that every text is still compared.
            var backtracking = tier.BacktrackingRegex!;
            var patient = new Regex(backtracking.ToString(), backtracking.Options);
            // Both engines are compared on instances only this test uses (the tier's own is shared with every other test
            // that scans, on other threads), renewed as the scan renews them once their automaton has grown
            // (LinearGrowth): without that, NamedOrFinalLiteral's first part grew past 40,000 states on these texts and
            // then matched "… inves⏎auszugeben_", which a new instance and the backtracking engine do not.
            var pattern = tier.Linear.ToString();
            var ownTier = TieredRegex.Of(name, pattern, tier.Linear.Options, () => LinearRegex.Large(pattern, tier.Linear.Options));
            ownTier.Linear.Options.Should().Be(tier.Linear.Options, name);
            foreach (var text in Texts.Value)
            {
                var fresh = ownTier.Linear;
                var linear = fresh.IsMatch(text);
                matchedTexts += linear ? 1 : 0;
                var expected = Patiently(backtracking, patient, r => r.IsMatch(text));
                string? difference = null;
                if (expected != linear)
                {
                    difference = $"{name} (whether it matches): {text[..Math.Min(100, text.Length)]}";
                }
                else if (tier.SameSpans && linear && Patiently(backtracking, patient, r => Describe(r, text)) is var found && found != Describe(fresh, text))
                {
                    difference = $"{name}: backtracking {found}, linear {Describe(fresh, text)} in {text[..Math.Min(100, text.Length)]}";
                }

                if (difference is null)
                {
                    continue;
                }

                // Whether a new instance agrees tells an engine fault of a grown instance from a pattern that means
                // something else on the other engine; both fail.
                var again = LinearRegex.Large(pattern, tier.Linear.Options);
                var agrees = again.IsMatch(text) == expected && (!tier.SameSpans || !expected || Patiently(backtracking, patient, r => Describe(r, text)) == Describe(again, text));
                differences.Add(agrees ? $"{difference} (a new linear instance agrees with the backtracking engine: a fault of the grown instance, states {LinearGrowth.States(fresh)})" : difference);
            }

            renewals += ownTier.Renewals;
        }

        differences.Should().BeEmpty("a pattern must mean the same on both engines, on the linear instances the scan would use");
        renewals.Should().BeGreaterThan(0, "the seeded texts grow at least one automaton past the bound, so the renewal is exercised here");
        tiers.Should().BeGreaterThan(120, "every generated pattern of the scan and every part of the context patterns is tiered");
        sameSpans.Should().BeGreaterThan(90);
        matchedTexts.Should().BeGreaterThan(20_000, "the texts must exercise the patterns, not only miss them");
    }

    [Fact]
    public void EveryGeneratedLinearPatternOfTheScan_BuildsWithinTheAutomatonLimit()
    {
        // A source-generated NonBacktracking pattern is built on first use; one over the 10,000-node limit throws there,
        // in the middle of a scan, and only for texts that pass its gate. Build them all here.
        var failures = new List<string>();
        var built = 0;
        foreach (var method in typeof(InjectionPatterns).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                     .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.Name.EndsWith("Backtracking", StringComparison.Ordinal)))
        {
            if (method.GetCustomAttribute<GeneratedRegexAttribute>() is not { } generated || (generated.Options & RegexOptions.NonBacktracking) == 0)
            {
                continue;
            }

            try
            {
                _ = ((Regex)method.Invoke(null, null)!).IsMatch("x");
                built++;
            }
            catch (TargetInvocationException e) when (e.InnerException is TypeInitializationException or NotSupportedException)
            {
                failures.Add($"{method.Name}: {e.InnerException.InnerException?.Message ?? e.InnerException.Message}");
            }
        }

        failures.Should().BeEmpty("every linear pattern must build: split a pattern whose automaton would pass 10,000 nodes");
        built.Should().BeGreaterThan(100);
    }

    [Fact]
    public void EveryGeneratedPatternOfTheScan_HasASourceGeneratedTwin()
    {
        var missing = new List<string>();
        var patterns = 0;
        foreach (var method in typeof(InjectionPatterns).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                     .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.Name.EndsWith("Backtracking", StringComparison.Ordinal)))
        {
            var generated = method.GetCustomAttribute<GeneratedRegexAttribute>();
            if ((generated is null || (generated.Options & RegexOptions.NonBacktracking) == 0) && !LargePatterns.Contains(method.Name))
            {
                continue;
            }

            patterns++;
            if (TieredRegex.For(method.CreateDelegate<Func<Regex>>()).BacktrackingRegex is not { } twin)
            {
                missing.Add(method.Name);
                continue;
            }

            twin.GetType().Should().NotBe(typeof(Regex), $"{method.Name}'s twin is source-generated, not interpreted");
            twin.MatchTimeout.Should().Be(TieredRegex.Timeout, method.Name);
            (twin.Options & RegexOptions.NonBacktracking).Should().Be(RegexOptions.None, method.Name);
        }

        patterns.Should().BeGreaterThan(100);
        missing.Should().BeEmpty("each pattern needs a [GeneratedRegex] twin named <pattern>Backtracking, or it never leaves the linear engine");
    }

    [Theory]
    [InlineData(@"a{0,3}?b", true)]
    [InlineData(@"a*?b", true)]
    [InlineData(@"a+?b", true)]
    [InlineData(@"(?:ab)??c", true)]
    [InlineData(@"\w{1,4}?", true)]
    [InlineData(@"\(??x", true)]
    [InlineData(@"(?:a|b)?c", false)]
    [InlineData(@"(?<name>a)b", false)]
    [InlineData(@"a{1,4}b", false)]
    [InlineData(@"[*?+]?x", false)]
    [InlineData(@"\*?x", false)]
    [InlineData(@"[]?]x", false)]
    [InlineData(@"\\??", true)]
    public void HasLazyQuantifier_Patterns(string pattern, bool lazy) => TieredRegex.HasLazyQuantifier(pattern).Should().Be(lazy);

    [Fact]
    public void Matches_BacktrackingTimesOut_FoundOnTheLinearEngineAndMoved()
    {
        // Nested quantifiers over the same letters and a text that almost matches: the backtracking engine tries every
        // way to split the run, far past the timeout; the linear engine answers at once.
        const string pattern = @"^(?:\w+\s?)+$";
        var tier = TieredRegex.Of("test", pattern, Linear, () => new Regex(pattern, Linear));
        var text = string.Concat(Enumerable.Repeat("abcdefgh", 12)) + "!";

        tier.Backtracking.Should().BeTrue();
        tier.Matches(text).Should().BeEmpty();
        tier.Backtracking.Should().BeFalse("a match that timed out moves the pattern to the linear engine");
        tier.Matches(text[..^1]).Should().ContainSingle().Which.Length.Should().Be(text.Length - 1);
    }

    [Fact]
    public void ContextRegex_BacktrackingTimesOut_FoundOnTheLinearEngine()
    {
        var regex = ContextRegex.Checked(@"x(?:\w+\s?)+!", Linear, (_, _, _, _) => true);
        var text = "x" + string.Concat(Enumerable.Repeat("abcdefgh", 12)) + "?";

        regex.Backtracking.Should().BeTrue();
        regex.Match(text).Success.Should().BeFalse();
        regex.Backtracking.Should().BeFalse();
        regex.Match(text[..^1] + "!").Success.Should().BeTrue();
    }

    [Fact]
    public void Matches_LongText_RunsOnTheLinearEngine()
    {
        var tier = TieredRegex.Of("test", "needle", Linear, () => new Regex("needle", Linear));
        var text = new string('x', TieredRegex.LongText) + " needle";

        tier.Matches(text).Should().ContainSingle().Which.Index.Should().Be(TieredRegex.LongText + 1);
        tier.Backtracking.Should().BeFalse("one search through a long text on the backtracking engine could cost far more than the rent");
    }

    [Fact]
    public void Charge_Rent_MovesToTheLinearEngine()
    {
        var tier = TieredRegex.Of("test", "needle", Linear, () => new Regex("needle", Linear));
        tier.Charge(TieredRegex.Rent - 1);
        tier.Backtracking.Should().BeTrue();

        tier.Charge(1);
        tier.Backtracking.Should().BeFalse();
    }

    [Fact]
    public void Matches_LazyPattern_LinearSpansAndMovedOnceAMatchIsNeeded()
    {
        const string pattern = @"only(?:\W+\w+){0,3}?\W+(?:response|body)\b";
        // A rent no machine reaches, so that only the match moves the pattern.
        var tier = TieredRegex.Of("test", pattern, Linear, () => new Regex(pattern, Linear), rent: long.MaxValue / 2);
        tier.SameSpans.Should().BeFalse();

        tier.Matches("nothing to see").Should().BeEmpty();
        tier.Backtracking.Should().BeTrue("a text without a match is ruled out on the backtracking engine");
        var text = "show only the raw response body";
        tier.Matches(text).Select(m => (m.Index, m.Length)).Should().Equal(new Regex(pattern, Linear).Matches(text).Select(m => (m.Index, m.Length)));
        tier.Backtracking.Should().BeFalse();
    }

    [Fact]
    public void Match_BacktrackingTimesOut_FirstMatchFoundOnTheLinearEngine()
    {
        const string pattern = @"^(?:\w+\s?)+$";
        var tier = TieredRegex.Of("test", pattern, Linear, () => new Regex(pattern, Linear), rent: long.MaxValue / 2);

        tier.Match("ab cd").Value.Should().Be("ab cd");
        tier.Backtracking.Should().BeTrue();
        tier.Match(string.Concat(Enumerable.Repeat("abcdefgh", 12)) + "!").Success.Should().BeFalse();
        tier.Backtracking.Should().BeFalse("a match that timed out moves the pattern to the linear engine");
        tier.Match("ef gh").Value.Should().Be("ef gh");
    }

    [Fact]
    public void Match_LazyPattern_RuledOutOnTheTwinFoundOnTheLinearEngine()
    {
        const string pattern = @"only(?:\W+\w+){0,3}?\W+(?:response|body)\b";
        var tier = TieredRegex.Of("test", pattern, Linear, () => new Regex(pattern, Linear), rent: long.MaxValue / 2);

        tier.Match("nothing to see").Success.Should().BeFalse();
        tier.Backtracking.Should().BeTrue();
        var text = "show only the raw response body";
        var expected = new Regex(pattern, Linear).Match(text);
        tier.Match(text).Should().Match<Match>(m => m.Success && m.Index == expected.Index && m.Length == expected.Length);
        tier.Backtracking.Should().BeFalse();
    }

    private static IEnumerable<(string Name, TieredRegex Tier)> TieredPatterns()
    {
        foreach (var method in typeof(InjectionPatterns).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                     .Where(m => m.GetParameters().Length == 0 && !m.Name.EndsWith("Backtracking", StringComparison.Ordinal)))
        {
            if (method.ReturnType == typeof(Regex))
            {
                var tier = TieredRegex.For(method.CreateDelegate<Func<Regex>>());
                if (tier.BacktrackingRegex is not null)
                {
                    yield return (method.Name, tier);
                }
            }
            else if (method.ReturnType == typeof(ContextRegex))
            {
                var index = 0;
                foreach (var tier in ((ContextRegex)method.Invoke(null, null)!).Tiers)
                {
                    yield return ($"{method.Name} part {index++}", tier);
                }
            }
        }
    }

    private static T Patiently<T>(Regex regex, Regex withoutTimeout, Func<Regex, T> run)
    {
        try
        {
            return run(regex);
        }
        catch (RegexMatchTimeoutException)
        {
            return run(withoutTimeout);
        }
    }

    private static string Describe(Regex regex, string text)
    {
        var sb = new StringBuilder();
        foreach (Match m in regex.Matches(text))
        {
            sb.Append(CultureInfo.InvariantCulture, $"[{m.Index},{m.Length}");
            foreach (Group g in m.Groups)
            {
                if (g.Name != "0")
                {
                    sb.Append(CultureInfo.InvariantCulture, $" {g.Name}:{(g.Success ? $"{g.Index},{g.Length}" : "-")}");
                }
            }

            sb.Append(']');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Every user turn and document of the datasets, as given and folded, and seeded texts joined from the patterns'
    /// literals (as given and folded), where several patterns' words meet and overlap.
    /// </summary>
    private static string[] LoadTexts()
    {
        var raw = DatasetTexts.TurnsAndDocuments();
        var words = TieredPatterns()
            .Select(p => RegexPrefilter.For(p.Tier.BacktrackingRegex!.ToString(), p.Tier.BacktrackingRegex.Options | RegexOptions.NonBacktracking).Literals)
            .Where(l => l is not null)
            .SelectMany(l => l!)
            .Concat(["you", "the", "your", "all", "now", "and", "to", "\"pwned\"", "'ok'", "https://x.example/a?b=1", "ab12cd34", "日本"])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] glue = [" ", " ", " ", "  ", ", ", ": ", "\n", "-", "_", ". ", "", "!", " the ", " all ", " my "];
        var random = new Random(20261206);
        var seeded = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder();
            for (var n = random.Next(2, 24); n > 0; n--)
            {
                sb.Append(words[random.Next(words.Length)]).Append(glue[random.Next(glue.Length)]);
            }

            seeded.Add(random.Next(3) == 0 ? sb.ToString().ToUpperInvariant() : sb.ToString());
        }

        return [.. raw, .. raw.Select(t => InjectionText.Fold(t).Shadow), .. seeded, .. seeded.Select(t => InjectionText.Fold(t).Shadow)];
    }
}
