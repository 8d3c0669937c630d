using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SecureReqs.Tests.Pii;

/// <summary>
/// The digit automaton must accept exactly the digit strings .NET's regex engine accepts, for every pattern of
/// libphonenumber's metadata the phone finder asks (number types, national formats, leading digits), wrapped as the
/// finder wraps them.
/// </summary>
public sealed class DigitAutomatonTests
{
    private const RegexOptions Linear = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    [Fact]
    public void EveryMetadataPattern_CompilesAndAgreesWithTheRegexEngine()
    {
        var random = new Random(20261203);
        var patterns = MetadataPatterns();
        patterns.Count.Should().BeGreaterThan(1500, "every region's number types, formats and leading digits are read");
        var differences = new List<string>();
        var refused = new List<string>();
        long accepted = 0;
        foreach (var (pattern, examples) in patterns)
        {
            var automaton = DigitAutomaton.TryCompile(pattern);
            if (automaton is null)
            {
                refused.Add(pattern);
                continue;
            }

            var regex = new Regex(pattern, Linear);
            foreach (var input in Inputs(examples, random))
            {
                var expected = regex.IsMatch(input);
                accepted += expected ? 1 : 0;
                if (automaton.IsMatch(input) != expected && differences.Count < 10)
                {
                    differences.Add($"{pattern} on {input}: regex {expected}");
                }
            }
        }

        refused.Should().BeEmpty("every metadata pattern is in the automaton's syntax (otherwise the finder falls back to the linear regex engine)");
        differences.Should().BeEmpty();
        accepted.Should().BeGreaterThan(patterns.Count, "the inputs include strings the patterns accept, not only strings they reject");
    }

    [Theory]
    [InlineData("^(?:[2-9]\\d{2})$", "234", true)]
    [InlineData("^(?:[2-9]\\d{2})$", "134", false)]
    [InlineData("^(?:[2-9]\\d{2})$", "2345", false)]
    [InlineData("^(?:[2-9]\\d{2})", "2345", true)]
    [InlineData("^(?:1(?:2|34)?5)$", "15", true)]
    [InlineData("^(?:1(?:2|34)?5)$", "1345", true)]
    [InlineData("^(?:1(?:2|34)?5)$", "135", false)]
    [InlineData("^(?:(\\d{3})(\\d{4}))$", "1234567", true)]
    [InlineData("^(?:\\d{2,4}?)$", "12345", false)]
    [InlineData("^(?:(?:12)+)$", "121212", true)]
    [InlineData("^(?:(?:12)+)$", "", false)]
    [InlineData("^(?:(?:12)*)$", "", true)]
    [InlineData("^(?:[13-5])$", "4", true)]
    [InlineData("^(?:[13-5])$", "2", false)]
    [InlineData("^(?:)", "987", true)]
    public void IsMatch_SmallPatterns_AsTheRegexEngine(string pattern, string input, bool expected)
    {
        new Regex(pattern, Linear).IsMatch(input).Should().Be(expected, "the case itself must be right");
        DigitAutomaton.TryCompile(pattern)!.IsMatch(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("^(?:[^1])$")]
    [InlineData("^(?:a)$")]
    [InlineData("^(?:(?=1)1)$")]
    [InlineData("^(?:(?<n>1))$")]
    [InlineData("^(?:1.)$")]
    [InlineData("^(?:\\s)$")]
    [InlineData("(?:1)$")]
    [InlineData("^(?:1{3,2})$")]
    [InlineData("^(?:(1)$")]
    [InlineData("^(?:[])$")]
    public void TryCompile_SyntaxOutsideTheSubset_IsRefused(string pattern) =>
        DigitAutomaton.TryCompile(pattern).Should().BeNull();

    [Fact]
    public void TryCompile_AnAutomatonTooLarge_IsRefused()
    {
        // "Some digit 1 exactly 14 digits from the end" needs 2^14 states once determinized: refused, not built.
        DigitAutomaton.TryCompile("^(?:\\d*1\\d{13})$").Should().BeNull();
        DigitAutomaton.TryCompile("^(?:\\d*1\\d{8})$")!.StateCount.Should().BeLessThanOrEqualTo(DigitAutomaton.MaxStates);
    }

    [Fact]
    public void IsMatch_ReadsEachDigitOnce()
    {
        // Linear by construction: one table step per digit, whatever the pattern (counted, not timed).
        var automaton = DigitAutomaton.TryCompile("^(?:(?:\\d{1,3}|1(?:2|34)*)+)$")!;
        foreach (var length in new[] { 10, 1_000, 100_000 })
        {
            var digits = string.Concat(Enumerable.Repeat("1234", length / 4));
            PiiWork.Reset();
            automaton.IsMatch(digits).Should().BeTrue();
            PiiWork.Steps.Should().Be(digits.Length);
        }
    }

    [Fact]
    public void IsMatch_ANonDigit_Throws()
    {
        var act = () => DigitAutomaton.TryCompile("^(?:\\d+)$")!.IsMatch("12a");
        act.Should().Throw<ArgumentException>();
    }

    // Random digit strings of every length up to 20, each example number, and its neighbours: every one-digit change,
    // every prefix and the example with a digit more.
    private static IEnumerable<string> Inputs(List<string> examples, Random random)
    {
        yield return "";
        for (var i = 0; i < 60; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(21);
            for (var k = 0; k < length; k++)
            {
                builder.Append((char)('0' + random.Next(10)));
            }

            yield return builder.ToString();
        }

        foreach (var example in examples)
        {
            yield return example;
            yield return example + (char)('0' + random.Next(10));
            for (var k = 0; k < example.Length; k++)
            {
                yield return example[..k];
                var changed = example.ToCharArray();
                changed[k] = (char)('0' + random.Next(10));
                yield return new string(changed);
            }
        }
    }

    // Every pattern the finder compiles, wrapped as it wraps them, with the example numbers of the pattern's region.
    private static List<(string Pattern, List<string> Examples)> MetadataPatterns()
    {
        var util = PhoneNumberUtil.GetInstance();
        var metadata = util.GetSupportedRegions().Select(util.GetMetadataForRegion)
            .Concat(util.GetSupportedGlobalNetworkCallingCodes().Select(code => util.GetMetadataForNonGeographicalRegion(code)))
            .Where(m => m is not null);
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var region in metadata)
        {
            PhoneNumberDesc?[] descs =
            [
                region.GeneralDesc, region.FixedLine, region.Mobile, region.TollFree, region.PremiumRate, region.SharedCost,
                region.PersonalNumber, region.Voip, region.Pager, region.Uan, region.Voicemail,
            ];
            var examples = descs.Where(d => d is not null && !string.IsNullOrEmpty(d.ExampleNumber)).Select(d => d!.ExampleNumber).Distinct().ToList();
            void Add(string pattern)
            {
                if (!found.TryGetValue(pattern, out var list))
                {
                    found[pattern] = list = [];
                }

                list.AddRange(examples);
            }

            foreach (var desc in descs)
            {
                if (desc is not null && !string.IsNullOrEmpty(desc.NationalNumberPattern) && desc.NationalNumberPattern != "NA")
                {
                    Add("^(?:" + desc.NationalNumberPattern + ")$");
                }
            }

            foreach (var format in region.NumberFormatList)
            {
                Add("^(?:" + format.Pattern + ")$");
                foreach (var leading in format.LeadingDigitsPatternList)
                {
                    Add("^(?:" + leading + ")");
                }
            }
        }

        return [.. found.Select(p => (p.Key, p.Value.Distinct().Take(12).ToList()))];
    }
}
