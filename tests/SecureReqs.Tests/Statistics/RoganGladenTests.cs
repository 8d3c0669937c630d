namespace SecureReqs.Tests;

public class RoganGladenTests
{
    [Theory]
    [InlineData(0.10, 1.0, 1.0, 0.10)]
    [InlineData(0.10, 0.9, 0.95, (0.10 + 0.95 - 1) / (0.9 + 0.95 - 1))]
    [InlineData(0.01, 0.9, 0.95, 0.0)]
    [InlineData(0.99, 0.9, 0.95, 1.0)]
    public void Estimate_CorrectsAndClamps(double observed, double se, double sp, double expected) =>
        RoganGladen.Estimate(observed, se, sp).Should().BeApproximately(expected, 1e-12);

    [Fact]
    public void Estimate_JudgeNoBetterThanChance_IsNaN() =>
        double.IsNaN(RoganGladen.Estimate(0.2, 0.5, 0.5)).Should().BeTrue();

    [Fact]
    public void Bounds_PerfectCalibration_StillWidensForTheCalibrationSize()
    {
        var bounds = RoganGladen.Bounds(0, 60, new CalibrationCounts(20, 20, 20, 20), 0.95)!.Value;

        // q ≤ 7.7% (0/60 at 99.17%), Se ≥ 78.7% (20/20 at 99.17%): 0.0767 / 0.787.
        bounds.Lower.Should().Be(0);
        bounds.Upper.Should().BeApproximately(0.0975, 0.001);
        bounds.Upper.Should().BeGreaterThan(ClopperPearson.Upper(0, 60, 0.95), "the calibration's uncertainty widens the bound");
    }

    [Fact]
    public void Bounds_MoreCalibration_NarrowsTheBound()
    {
        var small = RoganGladen.Bounds(5, 500, new CalibrationCounts(20, 20, 20, 20), 0.95)!.Value;
        var large = RoganGladen.Bounds(5, 500, new CalibrationCounts(500, 500, 500, 500), 0.95)!.Value;

        large.Upper.Should().BeLessThan(small.Upper);
        large.Lower.Should().BeGreaterThanOrEqualTo(small.Lower);
    }

    [Fact]
    public void Bounds_CalibrationThatCannotRuleOutChance_IsNull() =>
        RoganGladen.Bounds(5, 100, new CalibrationCounts(12, 20, 11, 20), 0.95).Should().BeNull();

    [Fact]
    public void Bounds_CoverTheTrueRate_InASeededSimulation()
    {
        // A judge with Se 0.9 and Sp 0.95, a true rate of 5%, 400 answers and 60 + 60 calibration items: the 95% upper
        // bound must cover the true rate in at least 95% of 400 seeded repetitions (it is conservative, so more).
        var random = new Random(20261202);
        var covered = 0;
        const int repetitions = 400;
        for (var r = 0; r < repetitions; r++)
        {
            var positives = 0;
            for (var i = 0; i < 400; i++)
            {
                var truth = random.NextDouble() < 0.05;
                positives += (truth ? random.NextDouble() < 0.9 : random.NextDouble() >= 0.95) ? 1 : 0;
            }

            var tp = Enumerable.Range(0, 60).Count(_ => random.NextDouble() < 0.9);
            var tn = Enumerable.Range(0, 60).Count(_ => random.NextDouble() < 0.95);
            var bounds = RoganGladen.Bounds(positives, 400, new CalibrationCounts(tp, 60, tn, 60), 0.95);
            covered += bounds is { } b && b.Upper >= 0.05 && b.Lower <= 0.05 ? 1 : 0;
        }

        covered.Should().BeGreaterThanOrEqualTo((int)(0.95 * repetitions));
    }
}
