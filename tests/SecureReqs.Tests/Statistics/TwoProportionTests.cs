namespace SecureReqs.Tests;

public class TwoProportionTests
{
    // Newcombe RG, "Interval estimation for the difference between independent proportions: comparison of eleven
    // methods", Statistics in Medicine 1998;17:873-890, Table II, method 10 (hybrid score, no continuity correction),
    // 95% two-sided limits for p1 - p2, published to 4 decimals. The one-sided 97.5% bounds are those limits.
    // The same eight rows come out of an independent Python implementation of the paper's formulas (stdlib
    // statistics.NormalDist, no SecureReqs code), which printed: (a) 0.0524 0.3339, (b) 0.1705 0.8090, (c) 0.0582 0.8062,
    // (d) -0.0381 0.1926, (e) -0.1611 0.2775, (f) -0.2775 0.2775, (g) 0.6791 1.0000, (h) 0.6075 1.0000.
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    [InlineData(10, 10, 0, 10, 0.6075, 1.0000)]
    public void Bounds_NewcombeTableTwo_MatchThePublishedLimits(int k1, int n1, int k0, int n0, double lower, double upper)
    {
        TwoProportion.LowerBound(k1, n1, k0, n0, 0.975).Should().BeApproximately(lower, 0.00005);
        TwoProportion.UpperBound(k1, n1, k0, n0, 0.975).Should().BeApproximately(upper, 0.00005);
    }

    // Full-precision values from the independent Python implementation above (upper limit of the two-sided
    // 2c - 1 interval, z = NormalDist().inv_cdf(c)), run for this test; they cover k = 0, k = n and several confidences.
    [Theory]
    [InlineData(5, 50, 1, 50, 0.95, 0.172844793374)]
    [InlineData(0, 30, 0, 30, 0.95, 0.082724308125)]
    [InlineData(30, 30, 0, 30, 0.95, 1.0)]
    [InlineData(12, 200, 3, 200, 0.95, 0.080101755618)]
    [InlineData(7, 100, 2, 120, 0.99, 0.138285043204)]
    [InlineData(10, 10, 10, 10, 0.90, 0.141068682091)]
    [InlineData(0, 300, 0, 300, 0.95, 0.008937872175)]
    [InlineData(3, 300, 0, 300, 0.95, 0.024755754032)]
    public void UpperBound_IndependentPythonValues_Match(int k1, int n1, int k0, int n0, double confidence, double expected)
    {
        TwoProportion.UpperBound(k1, n1, k0, n0, confidence).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void UpperBound_AnyCounts_LiesBetweenThePointDifferenceAndOne()
    {
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var (n1, n0) = (random.Next(1, 400), random.Next(1, 400));
            var (k1, k0) = (random.Next(0, n1 + 1), random.Next(0, n0 + 1));
            var confidence = 0.5 + (random.NextDouble() * 0.499);

            var bound = TwoProportion.UpperBound(k1, n1, k0, n0, confidence);

            bound.Should().BeGreaterThanOrEqualTo(TwoProportion.Difference(k1, n1, k0, n0)).And.BeLessThanOrEqualTo(1.0, $"{k1}/{n1} vs {k0}/{n0} at {confidence}");
        }
    }

    [Fact]
    public void UpperBound_MorePoisonedSuccesses_NeverLowersTheBound()
    {
        for (var k1 = 0; k1 < 50; k1++)
        {
            TwoProportion.UpperBound(k1 + 1, 50, 5, 50, 0.95).Should().BeGreaterThanOrEqualTo(TwoProportion.UpperBound(k1, 50, 5, 50, 0.95));
        }
    }

    [Theory]
    [InlineData(-1, 10, 0, 10, 0.95)]
    [InlineData(11, 10, 0, 10, 0.95)]
    [InlineData(1, 0, 0, 10, 0.95)]
    [InlineData(1, 10, 0, 10, 1.0)]
    [InlineData(1, 10, 0, 10, 0.0)]
    public void UpperBound_OutOfRange_Throws(int k1, int n1, int k0, int n0, double confidence)
    {
        var act = () => TwoProportion.UpperBound(k1, n1, k0, n0, confidence);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
