namespace SecureReqs.Tests;

public class CoveredSpansTests
{
    private static readonly string[] Families = ["instruction-override", "role-reassignment", "prompt-extraction"];
    private static readonly double[] Weights = [0.2, 0.35, 0.5, 0.7, 0.85, 0.9];

    [Fact]
    public void Covers_SeededRandomEvidence_AnswersLikeThePairwiseCheck()
    {
        var random = new Random(20261203);
        for (var round = 0; round < 300; round++)
        {
            var existing = Signals(random, random.Next(0, 40));
            var added = Signals(random, 30);
            var covered = new CoveredSpans(existing, existing.Count);

            foreach (var s in added)
            {
                var pairwise = existing.Any(e => e.Name == s.Name && e.Start < s.End && s.Start < e.End && e.Weight >= s.Weight);
                covered.Covers(s).Should().Be(pairwise, "round {0}, signal {1}", round, s);
            }
        }
    }

    [Fact]
    public void Covers_OnlyTheFirstCountSignals_AreExistingEvidence()
    {
        List<InjectionSignal> signals = [new("instruction-override", 0.85, 0, 10, "text"), new("instruction-override", 0.9, 20, 30, "leetspeak")];

        var covered = new CoveredSpans(signals, 1);

        covered.Covers(new("instruction-override", 0.85, 5, 8, "leetspeak")).Should().BeTrue();
        covered.Covers(new("instruction-override", 0.9, 5, 8, "leetspeak")).Should().BeFalse("the existing evidence there is lighter");
        covered.Covers(new("instruction-override", 0.5, 22, 25, "leetspeak")).Should().BeFalse("the second signal is not existing evidence");
        covered.Covers(new("instruction-override", 0.5, 10, 12, "leetspeak")).Should().BeFalse("spans that only touch do not overlap");
        covered.Covers(new("role-reassignment", 0.2, 0, 10, "leetspeak")).Should().BeFalse("another family's evidence does not cover it");
    }

    private static List<InjectionSignal> Signals(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var start = random.Next(0, 200);
            return new InjectionSignal(Families[random.Next(Families.Length)], Weights[random.Next(Weights.Length)], start, start + random.Next(1, 40), "text");
        })];
}
