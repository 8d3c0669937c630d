using System.Text;

namespace SecureReqs.Tests.Injection;

/// <summary><see cref="OutputGates.HasRepeatedPadding"/> walks the tokens without splitting; it must answer as splitting did.</summary>
public sealed class RepeatedPaddingTests
{
    [Theory]
    [InlineData(30, "ha", true)]
    [InlineData(29, "ha", false)]
    [InlineData(30, "----", false)]
    [InlineData(30, "toolong", false)]
    [InlineData(30, "ab cd", true)]
    [InlineData(29, "ab cd", false)]
    [InlineData(30, "x y z", true)]
    [InlineData(29, "x y z", false)]
    public void HasRepeatedPadding_Examples(int copies, string unit, bool expected)
    {
        var text = "Please summarise this: " + string.Join(' ', Enumerable.Repeat(unit, copies)) + " thanks";

        OutputGates.HasRepeatedPadding(text).Should().Be(expected);
    }

    [Fact]
    public void HasRepeatedPadding_AnswersAsTheSplittingVersionOnSeededTexts()
    {
        // Units of one to three short tokens repeated around the threshold, broken by other tokens and white space of
        // every kind (tabs, line breaks, no-break and em spaces), and rules of dashes that do not count.
        string[] tokens = ["ha", "lol", "x", "--", "==", "*", "ok!", "abcdef", "abcdefg", "the", "é", "12"];
        string[] blanks = [" ", "  ", "\t", "\n", "\u00A0", "\u2003", " \r\n "];
        var random = new Random(20261206);
        var (padded, differing) = (0, new List<string>());
        for (var n = 0; n < 4_000; n++)
        {
            var builder = new StringBuilder();
            for (var part = random.Next(1, 4); part > 0; part--)
            {
                var unit = Enumerable.Range(0, random.Next(1, 4)).Select(_ => tokens[random.Next(tokens.Length)]).ToArray();
                var copies = random.Next(5) == 0 ? random.Next(1, 10) : random.Next(26, 34);
                for (var c = 0; c < copies; c++)
                {
                    foreach (var token in unit)
                    {
                        builder.Append(token).Append(random.Next(8) == 0 ? blanks[random.Next(blanks.Length)] : " ");
                    }
                }

                if (random.Next(3) == 0)
                {
                    builder.Append(tokens[random.Next(tokens.Length)]).Append(' ');
                }
            }

            var text = builder.ToString();
            var expected = Splitting(text);
            padded += expected ? 1 : 0;
            if (OutputGates.HasRepeatedPadding(text) != expected)
            {
                differing.Add(text);
            }
        }

        differing.Should().BeEmpty();
        padded.Should().BeInRange(400, 3_600, "both answers must be common for the comparison to mean something");
    }

    /// <summary>The previous implementation, kept as the reference: split on white space, compare each token with the one a unit before.</summary>
    private static bool Splitting(string raw)
    {
        if (raw.Length < 60)
        {
            return false;
        }

        var tokens = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var unit = 1; unit <= 3; unit++)
        {
            var run = 0;
            for (var i = unit; i < tokens.Length; i++)
            {
                run = tokens[i].Length <= 6 && tokens[i] == tokens[i - unit] && tokens[i].AsSpan().IndexOfAnyExcept("-=_*#.~") >= 0 ? run + 1 : 0;
                if (run >= 29 * unit)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
