using MathNet.Numerics;

namespace SecureReqs;

/// <summary>
/// Fisher's exact test for two binomial proportions, one-sided: is the rate of bad cases in a second sample larger than
/// in a first one? The gate uses it to find KPIs that regressed since a baseline run.
/// </summary>
/// <remarks>
/// <para>Given the total number of bad cases in both samples, the number that falls in the second sample follows a
/// hypergeometric distribution when both samples share one rate. The p-value is the chance of seeing at least the
/// observed number there. The test is exact at any sample size and for rates near 0% or 100% (where security KPIs
/// live and a normal-approximation z-test misleads); it is conservative: when nothing changed it flags a regression
/// with probability at most the significance level. Thread-safe.</para>
/// </remarks>
public static class FisherExact
{
    /// <summary>The one-sided p-value for "the second sample's rate is larger than the first's".</summary>
    /// <param name="k1">Bad cases in the first sample (the baseline).</param>
    /// <param name="n1">Cases in the first sample.</param>
    /// <param name="k2">Bad cases in the second sample (the current run).</param>
    /// <param name="n2">Cases in the second sample.</param>
    /// <returns>The p-value in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or exceeds its sample.</exception>
    public static double GreaterPValue(int k1, int n1, int k2, int n2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k1);
        ArgumentOutOfRangeException.ThrowIfNegative(k2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k1, n1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k2, n2);
        var bad = k1 + k2;
        var most = Math.Min(bad, n2);
        if (bad == 0 || k2 == 0)
        {
            return 1.0;
        }

        // Sum the upper tail P(X = j), j = k2 … most, in log space: X ~ Hypergeometric(n1 + n2, bad, n2).
        var logTotal = SpecialFunctions.BinomialLn(n1 + n2, n2);
        var p = 0.0;
        for (var j = k2; j <= most; j++)
        {
            p += Math.Exp(SpecialFunctions.BinomialLn(bad, j) + SpecialFunctions.BinomialLn(n1 + n2 - bad, n2 - j) - logTotal);
        }

        return Math.Clamp(p, double.Epsilon, 1.0);
    }
}
