namespace SecureReqs.Tests;

public class ClopperPearsonTests
{
    // Reference values computed independently with mpmath (regularised incomplete beta, 30 digits).
    [Theory]
    [InlineData(5, 10, 0.975, 0.187086028)]
    [InlineData(292, 300, 0.95, 0.952399926)]
    [InlineData(95, 100, 0.975, 0.887165089)]
    [InlineData(398, 400, 0.95, 0.984344820)]
    public void Lower_KnownValues_MatchReference(int k, int n, double confidence, double expected)
    {
        ClopperPearson.Lower(k, n, confidence).Should().BeApproximately(expected, 1e-6);
    }

    [Theory]
    [InlineData(5, 10, 0.975, 0.812913972)]
    [InlineData(2, 300, 0.95, 0.020836231)]
    public void Upper_KnownValues_MatchReference(int k, int n, double confidence, double expected)
    {
        ClopperPearson.Upper(k, n, confidence).Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void Lower_AllSuccesses_IsClosedForm()
    {
        ClopperPearson.Lower(299, 299, 0.95).Should().BeApproximately(Math.Pow(0.05, 1.0 / 299), 1e-12);
        ClopperPearson.Lower(0, 50, 0.95).Should().Be(0);
    }

    [Fact]
    public void Upper_NoSuccesses_IsClosedForm()
    {
        ClopperPearson.Upper(0, 10, 0.95).Should().BeApproximately(1 - Math.Pow(0.05, 0.1), 1e-12);
        ClopperPearson.Upper(10, 10, 0.95).Should().Be(1);
    }

    [Fact]
    public void CasesNeededForAtLeast_NinetyNinePercentNoFailures_Is299()
    {
        ClopperPearson.CasesNeededForAtLeast(0.99, 0.95).Should().Be(299);
    }

    [Fact]
    public void CasesNeededForAtLeast_WithFailures_NeedsMore()
    {
        var needed = ClopperPearson.CasesNeededForAtLeast(0.99, 0.95, failures: 2)!.Value;

        needed.Should().BeGreaterThan(299);
        ClopperPearson.Lower(needed - 2, needed, 0.95).Should().BeGreaterThanOrEqualTo(0.99);
        ClopperPearson.Lower(needed - 3, needed - 1, 0.95).Should().BeLessThan(0.99);
    }

    [Fact]
    public void CasesNeededForAtMost_TwoPercentNoEvents_MatchesClosedForm()
    {
        // (1 - 0.02)^n <= 0.05  =>  n >= ln 0.05 / ln 0.98 = 148.3
        ClopperPearson.CasesNeededForAtMost(0.02, 0.95).Should().Be(149);
    }

    [Fact]
    public void Bounds_SeededRandomCounts_BracketThePointEstimate()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var n = random.Next(1, 2000);
            var k = random.Next(0, n + 1);
            var lower = ClopperPearson.Lower(k, n, 0.95);
            var upper = ClopperPearson.Upper(k, n, 0.95);

            lower.Should().BeInRange(0, (double)k / n + 1e-12);
            upper.Should().BeInRange((double)k / n - 1e-12, 1);
        }
    }

    [Fact]
    public void Lower_OneMoreFailure_NeverRaisesTheBound()
    {
        for (var n = 10; n < 400; n += 13)
        {
            ClopperPearson.Lower(n - 1, n, 0.95).Should().BeLessThan(ClopperPearson.Lower(n, n, 0.95));
        }
    }

    [Theory]
    [InlineData(-1, 10, 0.95)]
    [InlineData(11, 10, 0.95)]
    [InlineData(1, 0, 0.95)]
    [InlineData(1, 10, 1.0)]
    public void Lower_InvalidArguments_Throw(int k, int n, double confidence)
    {
        var act = () => ClopperPearson.Lower(k, n, confidence);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
