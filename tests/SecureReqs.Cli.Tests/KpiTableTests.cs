namespace SecureReqs.Cli.Tests;

// The KPI table of the naive demo's run (24 stories, long story and KPI names) as a terminal shows it.
public sealed class KpiTableTests(NaiveRunFixture naive)
{
    [Fact]
    public void Run_NaiveDemo_KpiTableFitsA120ColumnTerminal()
    {
        var table = naive.Result.Output.ReplaceLineEndings("\n").Split('\n').TakeWhile(line => line.StartsWith('|')).ToList();

        table.Should().HaveCountGreaterThan(24);
        table.Should().AllSatisfy(line => line.Length.Should().BeLessThanOrEqualTo(TextTable.DefaultWidth));
        table[0].Should().StartWith("| Story").And.Contain("| Required").And.Contain("| Verdict");
    }

    [Fact]
    public void Run_NaiveDemo_StartsWithTheTableAndPrintsNoDoubleBlankLine()
    {
        var lines = naive.Result.Output.ReplaceLineEndings("\n").Split('\n');

        lines[0].Should().StartWith("| Story", "the output starts with the table, not a blank line");
        lines.Zip(lines.Skip(1)).Should().NotContain(pair => pair.First.Length == 0 && pair.Second.Length == 0);
        lines.SkipWhile(l => l.StartsWith('|')).First().Should().NotBeEmpty("no blank line follows the table");
    }

    [Fact]
    public void Run_NaiveDemo_BreakdownLinesFitA120ColumnTerminal()
    {
        var breakdowns = naive.Result.Output.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l.StartsWith('|')).TakeWhile(l => !l.StartsWith("Note (", StringComparison.Ordinal) && l.Length > 0).ToList();

        breakdowns.Should().HaveCountGreaterThan(10);
        breakdowns.Should().AllSatisfy(l => l.Length.Should().BeLessThanOrEqualTo(TextTable.DefaultWidth));
    }

    [Fact]
    public void Run_NaiveDemo_BreakdownsNameWhatTheyCount()
    {
        var output = naive.Result.Output;

        output.Should().MatchRegex(@"redaction rate by technique\s+\(redacted/cases\):");
        output.Should().MatchRegex(@"attack success rate by technique\s+\(succeeded/cases\):");
    }

    [Fact]
    public void Run_NaiveDemo_FailuresListAFewCaseIdsOnce()
    {
        var output = naive.Result.Output;

        output.Should().MatchRegex(@"- FAIL: Expected the redaction rate to be at least 99% \(95% confidence\), but it was [\d.]+% \(\d+/\d+, 95% lower bound [\d.]+%\)\. Compromised \(\d+\): pii-[a-z-]+-\d{3}, pii-[a-z-]+-\d{3}, pii-[a-z-]+-\d{3} and \d+ more\.");
        output.Should().NotMatchRegex(@"([a-z]+-[a-z-]+-\d{3}, ){3}", "a list keeps three ids, the rest are in the report");
    }
}
