namespace SecureReqs.Tests;

public class FisherExactTests
{
    // Reference values: the exact hypergeometric upper tail computed with rational arithmetic.
    [Theory]
    [InlineData(0, 300, 5, 300, 0.030729607973087474)]
    [InlineData(0, 100, 3, 100, 0.12311557788944724)]
    [InlineData(2, 400, 20, 400, 4.9652279173470127e-05)]
    [InlineData(1, 10, 3, 10, 0.29102167182662536)]
    [InlineData(10, 400, 14, 400, 0.2674987045771755)]
    public void GreaterPValue_KnownTables_MatchesExactTail(int k1, int n1, int k2, int n2, double expected)
    {
        var p = FisherExact.GreaterPValue(k1, n1, k2, n2);

        p.Should().BeApproximately(expected, expected * 1e-9);
    }

    [Fact]
    public void GreaterPValue_NoBadCasesNow_IsOne()
    {
        FisherExact.GreaterPValue(3, 50, 0, 50).Should().Be(1.0);
        FisherExact.GreaterPValue(0, 50, 0, 50).Should().Be(1.0);
    }

    [Fact]
    public void GreaterPValue_OneMoreBadCase_NeverRaisesThePValue()
    {
        var previous = 1.0;
        for (var bad = 0; bad <= 40; bad++)
        {
            var p = FisherExact.GreaterPValue(4, 400, bad, 400);

            p.Should().BeInRange(double.Epsilon, 1.0).And.BeLessThanOrEqualTo(previous);
            previous = p;
        }
    }

    [Fact]
    public void GreaterPValue_CountAboveItsSample_Throws()
    {
        var act = () => FisherExact.GreaterPValue(0, 10, 11, 10);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
