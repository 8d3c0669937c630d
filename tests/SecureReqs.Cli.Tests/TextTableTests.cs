namespace SecureReqs.Cli.Tests;

public class TextTableTests
{
    [Fact]
    public void Write_CellsWiderThanTheWidth_WrapsShrinkableColumnsAndKeepsEveryLineWithin()
    {
        using var text = new StringWriter();
        var story = "The support assistant never discloses customer PII: PII in tickets, records and documents is not disclosed";

        TextTable.Write(text, ["Story", "KPI", "Verdict"], [[story, "responses containing a US social security number", "FAIL"]], [(0, 20), (1, 20)], 60);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().AllSatisfy(line => line.Length.Should().BeLessThanOrEqualTo(60));
        lines.Should().HaveCountGreaterThan(3, "the long cells wrap onto more lines");
        string.Join(" ", lines.Skip(2).Select(l => l.Split('|')[1].Trim())).Should().Be(story, "a wrapped story keeps every word");
        lines[2].Should().EndWith("| FAIL    |");
    }

    [Fact]
    public void Write_NarrowCells_WritesOneLinePerRowAndNoBlankLine()
    {
        using var text = new StringWriter();

        TextTable.Write(text, ["A", "B"], [["x", "y"]]);

        text.ToString().ReplaceLineEndings("\n").Should().Be("| A | B |\n|---|---|\n| x | y |\n");
    }

    [Theory]
    [InlineData("one two three four", 9, new[] { "one two", "  three", "  four" })]
    [InlineData("averyveryverylongword x", 8, new[] { "averyve…", "  x" })]
    public void Wrap_Text_BreaksAtSpacesWithinTheWidth(string text, int width, string[] expected)
    {
        TextTable.Wrap(text, width, "  ").Should().Equal(expected);
    }
}
