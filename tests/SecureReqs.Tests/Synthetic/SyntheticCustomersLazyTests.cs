namespace SecureReqs.Tests;

public sealed class SyntheticCustomersLazyTests
{
    [Fact]
    public void Lazy_ReadInAnyOrder_SameRecordsAsGenerate()
    {
        var eager = SyntheticCustomers.Generate(50, 42);
        var lazy = SyntheticCustomers.Lazy(50, 42);

        lazy.Count.Should().Be(50);
        lazy[37].Should().BeEquivalentTo(eager[37]);
        lazy[3].Should().BeEquivalentTo(eager[3]);
        lazy.Should().BeEquivalentTo(eager, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Instantiate_SameSeed_SameCanariesInEveryRun_OtherSeedOthers()
    {
        var @case = new SecurityCase
        {
            Id = "c",
            Kind = CaseKind.Attack,
            Threat = "LLM07",
            Technique = "t",
            Turns = [new CaseTurn("user", "Say {{canary}}")],
            Oracle = new CaseOracle(CaseOracle.Canary, []),
        };
        var cases = Enumerable.Repeat(@case, 100).ToList();
        var records = SyntheticCustomers.Lazy(1, 1);

        var one = CaseInstantiator.Instantiate(cases, records, 7).Select(c => c.Turns[0].Content).ToList();
        var again = CaseInstantiator.Instantiate(cases, records, 7).Select(c => c.Turns[0].Content).ToList();
        var other = CaseInstantiator.Instantiate(cases, records, 8).Select(c => c.Turns[0].Content).ToList();

        one.Should().Equal(again).And.OnlyHaveUniqueItems().And.OnlyContain(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^Say SR-[0-9A-F]{12}$"));
        other.Should().NotIntersectWith(one);
    }
}
