using System.Reflection;
using System.Text.RegularExpressions;

namespace SecureReqs.Tests.Injection;

/// <summary>
/// <see cref="RegexPrefilter"/> reads from a pattern's text literals one of which every match holds, so that the pattern
/// stage neither runs nor builds a pattern on a text that holds none. A filter that rejected a text the pattern matches
/// would lose evidence, so every source-generated pattern of the assembly is run on every text its filter rejects.
/// </summary>
public sealed class RegexPrefilterTests
{
    private static readonly Lazy<string[]> Texts = new(LoadTexts);

    [Fact]
    public void EveryGeneratedPattern_RejectedTexts_NeverMatch()
    {
        var filtered = 0;
        var rejected = 0L;
        var violations = new List<string>();
        foreach (var (name, attribute, factory) in GeneratedPatterns())
        {
            var filter = RegexPrefilter.For(attribute.Pattern, attribute.Options);
            if (filter.Literals is null)
            {
                continue;
            }

            filtered++;
            var regex = factory();
            foreach (var text in Texts.Value)
            {
                if (!filter.MayMatch(text))
                {
                    rejected++;
                    if (regex.IsMatch(text))
                    {
                        violations.Add($"{name}: {text[..Math.Min(80, text.Length)]}");
                    }
                }
            }
        }

        filtered.Should().BeGreaterThan(80, "most patterns have literals every match must hold");
        rejected.Should().BeGreaterThan(100_000, "the filters reject most texts, so the check means something");
        violations.Should().BeEmpty();
    }

    [Theory]
    [InlineData(@"\b(must|always|first|required)\b", "always first must required")]
    [InlineData(@"x*(?:foo)?bar\w+", "bar foobar")]
    [InlineData(@"(?:ignore|disregard)[\W_]{1,4}(?:previous|prior)", "disregard ignore")]
    [InlineData(@"(?<verb>show|print)\s+(?:me\s+)?the\s+(?<what>system\s+prompt)", "system")]
    [InlineData(@"(?:dear\s+)?(?:ai|assistant)s?\s*[:,]", ": ,")]
    [InlineData(@"(?:dear\s+)?(?:ai|assistant)s?\s*\w", "")]
    [InlineData(@"[ab]cd(?:e|f)", "acde acdf bcde bcdf")]
    [InlineData(@"abcd{2,3}", "abc")]
    [InlineData(@"abc{,3}", "abc{,3}")]
    [InlineData(@"<\|(?:im_start|system)\|>", "<|im_start|> <|system|>")]
    public void For_ReadsTheLiteralsEveryMatchHolds(string pattern, string expected)
    {
        var filter = RegexPrefilter.For(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

        if (expected.Length == 0)
        {
            filter.Literals.Should().BeNull("a word shorter than three characters (\"ai\") is not worth a search");
        }
        else
        {
            filter.Literals.Should().BeEquivalentTo(expected.Split(' '));
        }
    }

    [Theory]
    [InlineData(@"(?i)ignore previous")]
    [InlineData(@"(?=ignore)ignore previous")]
    [InlineData(@"[]x]ignore")]
    [InlineData(@"\1ignore")]
    [InlineData(@"ignore|\w+")]
    [InlineData(@"(?:ignore)*")]
    [InlineData(@"ignore(")]
    [InlineData(@"ignore[\W_-[""']]{1,4}previous")]
    public void For_WhatItCannotRead_GivesNoFilter(string pattern)
    {
        RegexPrefilter.For(pattern, RegexOptions.CultureInvariant).Literals.Should().BeNull();
    }

    [Fact]
    public void MayMatch_TextWithoutTheLiterals_IsRejected_AndWithThemKept()
    {
        var filter = RegexPrefilter.For(@"\b(?:ignore|disregard)\s+(?:the\s+)?previous\s+instructions\b", RegexOptions.CultureInvariant);

        filter.MayMatch("where is my parcel? it was due on monday").Should().BeFalse();
        filter.MayMatch("ignore the previous instructions").Should().BeTrue();
        filter.MayMatch("disregard the previous note about instructions").Should().BeTrue("the filter is a necessary condition, not a match");
        filter.MayMatch("please disregard my previous message").Should().BeFalse("every part's literals must be there: no \"instructions\"");
        filter.Sets.Should().HaveCount(3);
    }

    [Fact]
    public void MayMatch_IgnoreCase_AppliesToAsciiTextsOnly()
    {
        var options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking;
        var filter = RegexPrefilter.For(@"\bkeep\s+quiet\b", options);
        var regex = new Regex(@"\bkeep\s+quiet\b", options);

        filter.MayMatch("KEEP QUIET about it").Should().BeTrue();
        filter.MayMatch("nothing to see").Should().BeFalse();
        var kelvin = "\u212Aeep quiet";
        regex.IsMatch(kelvin).Should().BeTrue("the engine folds the Kelvin sign to k");
        filter.MayMatch(kelvin).Should().BeTrue("a non-ASCII text is never rejected by a case-insensitive filter");
        RegexPrefilter.For("\u212Aeep quiet", options).Literals.Should().Equal(["eep quiet"], "a literal that folds to ASCII is left out");
    }

    private static IEnumerable<(string Name, GeneratedRegexAttribute Attribute, Func<Regex> Factory)> GeneratedPatterns() =>
        typeof(PromptInjectionDetector).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            // A pattern's backtracking twin (TieredRegex) is the same pattern, run behind the same filter.
            .Where(m => !m.Name.EndsWith("Backtracking", StringComparison.Ordinal))
            .Select(m => ($"{m.DeclaringType!.Name}.{m.Name}", m.GetCustomAttribute<GeneratedRegexAttribute>()!, (Func<Regex>)(() => (Regex)m.Invoke(null, null)!)));

    /// <summary>Every user turn and document of the datasets, as given, folded, and upper-cased (for case-insensitive patterns).</summary>
    private static string[] LoadTexts()
    {
        var raw = DatasetTexts.TurnsAndDocuments();
        return [.. raw, .. raw.Select(t => InjectionText.Fold(t).Shadow), .. raw.Where((_, i) => i % 4 == 0).Select(t => t.ToUpperInvariant())];
    }
}
