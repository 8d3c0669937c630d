namespace SecureReqs.Cli.Tests;

// Reads the reports of the shared naive run (NaiveRunFixture).
public sealed class GateTableTests(NaiveRunFixture naive)
{
    [Fact]
    public async Task Gate_NaiveRunAgainstItself_TableFitsA120ColumnTerminal()
    {
        var results = Path.Combine(naive.Out, "results.json");

        var withBaseline = await CliResult.RunAsync("gate", results, "--baseline", results);
        var alone = await CliResult.RunAsync("gate", results);

        foreach (var output in new[] { withBaseline.Output, alone.Output })
        {
            var table = output.Split('\n').Where(l => l.StartsWith('|')).ToList();
            table.Should().HaveCountGreaterThan(20);
            table.Should().OnlyContain(l => l.TrimEnd('\r').Length <= 120, "the gate's table fits a 120-column terminal, as the KPI table does");
            table[0].Should().StartWith("| Scenario");
        }

        withBaseline.Output.Should().Contain("(p: one-sided Fisher exact test");
    }
}
