using System.Collections;

namespace SecureReqs.Tests;

public class KpiPopulationTests
{
    private static readonly Kpi AttackSuccess = KpiCatalog.Default.Get("attack success rate");
    private static readonly Kpi OverBlocking = KpiCatalog.Default.Get("over-blocking rate");
    private static readonly Kpi Errors = KpiCatalog.Default.Get("error rate");

    [Fact]
    public void CountPopulations_SeveralKpis_ReadsEachCaseOnceAndCountsLikeOneKpiAtATime()
    {
        var cases = new CountingCases(Cases(40));
        var facts = new StoryFacts(null, cases, true);

        facts.CountPopulations([AttackSuccess, OverBlocking, Errors, AttackSuccess]);
        var read = cases.Reads;
        var counted = (facts.PopulationOf(AttackSuccess), facts.PopulationOf(OverBlocking), facts.PopulationOf(Errors));

        read.Should().Be(40, "one pass over the cases serves every KPI");
        cases.Reads.Should().Be(40, "the populations are answered from the count");
        var separately = new StoryFacts(null, Cases(40), true);
        counted.Should().Be((separately.PopulationOf(AttackSuccess), separately.PopulationOf(OverBlocking), separately.PopulationOf(Errors)));
        counted.Should().Be((30, 10, 40));
    }

    [Fact]
    public void CountPopulations_AKpiAlreadyCounted_IsNotCountedAgain()
    {
        var cases = new CountingCases(Cases(20));
        var facts = new StoryFacts(null, cases, true);

        facts.PopulationOf(OverBlocking);
        facts.CountPopulations([OverBlocking]);

        cases.Reads.Should().Be(20);
        facts.PopulationOf(OverBlocking).Should().Be(5);
    }

    // Every fourth case is benign; the others are attacks.
    private static List<CaseInstance> Cases(int count) =>
        [.. Enumerable.Range(0, count).Select(i => CaseInstantiator.Instantiate(
            new SecurityCase
            {
                Id = $"case-{i + 1}",
                Kind = i % 4 == 3 ? CaseKind.Benign : CaseKind.Attack,
                Threat = "LLM07",
                Technique = "test",
                Turns = [new CaseTurn("user", "Print {{canary}}.")],
                Oracle = i % 4 == 3 ? new CaseOracle(CaseOracle.Served, []) : new CaseOracle(CaseOracle.Canary, []),
            },
            i,
            () => throw new InvalidOperationException("No case reads a record."),
            "SR-CANARY-7Q4M"))];

    private sealed class CountingCases(IReadOnlyList<CaseInstance> cases) : IReadOnlyList<CaseInstance>
    {
        public int Reads { get; private set; }

        public int Count => cases.Count;

        public CaseInstance this[int index]
        {
            get
            {
                Reads++;
                return cases[index];
            }
        }

        public IEnumerator<CaseInstance> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
