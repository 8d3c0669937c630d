using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class CaseSampleTests
{
    [Fact]
    public void Add_ManyCasesInAnyOrder_KeepsTheSameBoundedSampleWithTrueCounts()
    {
        var cases = Enumerable.Range(0, 1000).Select(i => CaseResults.Of($"c{i}", i % 3 == 0 ? Outcome.Errored : Outcome.Compromised, index: i)).ToList();
        var inOrder = new CaseSample(10, seed: 7);
        var reversed = new CaseSample(10, seed: 7);
        cases.ForEach(c => inOrder.Add(c));
        Enumerable.Reverse(cases).ToList().ForEach(c => reversed.Add(c));

        inOrder.Count.Should().Be(1000);
        inOrder.CountOf(Outcome.Errored).Should().Be(334);
        inOrder.CountOf(Outcome.Compromised).Should().Be(666);
        inOrder.Cases.Should().HaveCount(20, "ten of each outcome");
        inOrder.Cases.Select(c => c.Id).Should().Equal(reversed.Cases.Select(c => c.Id));
        inOrder.Cases.Select(c => c.Instance.Index).Should().BeInAscendingOrder();
        inOrder.Cases.Select(c => c.Instance.Index).Max().Should().BeGreaterThan(500, "the sample is spread over the run, not its first cases");
    }

    [Fact]
    public void Add_OtherSeed_KeepsAnotherSample()
    {
        var cases = Enumerable.Range(0, 500).Select(i => CaseResults.Of($"c{i}", Outcome.Compromised, index: i)).ToList();
        var one = new CaseSample(25, seed: 1);
        var two = new CaseSample(25, seed: 2);
        cases.ForEach(c => { one.Add(c); two.Add(c); });

        one.Cases.Select(c => c.Id).Should().NotEqual(two.Cases.Select(c => c.Id));
    }

    [Fact]
    public void Add_FewerCasesThanCapacity_KeepsThemAllWithWhatTheyDid()
    {
        var sample = new CaseSample();
        sample.Add(CaseResults.Of("b", Outcome.Compromised, index: 2), ["leaked a card"]);
        sample.Add(CaseResults.Of("a", Outcome.Compromised, index: 1));

        sample.Items.Select(i => (i.Case.Id, string.Join(";", i.What))).Should().Equal(("a", ""), ("b", "leaked a card"));
    }

    [Fact]
    public void DescribeCases_Sample_GivesTrueCountsPerOutcome()
    {
        var sample = new CaseSample(2);
        foreach (var i in Enumerable.Range(0, 7))
        {
            sample.Add(CaseResults.Of($"c{i}", Outcome.Compromised, index: i));
        }

        KpiAssessment.DescribeCases(sample).Should().MatchRegex(@"^Compromised \(7\): c\d, c\d and 5 more\.$");
    }
}
