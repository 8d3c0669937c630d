using MathNet.Numerics.Distributions;

namespace SecureReqs;

/// <summary>Exact (Clopper–Pearson) one-sided confidence bounds for a binomial proportion k of n.</summary>
/// <remarks>
/// The lower bound at confidence c is the (1 − c) quantile of Beta(k, n − k + 1), and 0 when k = 0; the upper bound
/// is the c quantile of Beta(k + 1, n − k), and 1 when k = n. They are conservative: the true rate lies beyond the
/// bound with probability at most 1 − c. Thread-safe.
/// </remarks>
public static class ClopperPearson
{
    /// <summary>The one-sided lower bound.</summary>
    /// <param name="k">Successes.</param>
    /// <param name="n">Trials.</param>
    /// <param name="confidence">The confidence, in (0, 1).</param>
    /// <returns>The bound in [0, 1].</returns>
    public static double Lower(int k, int n, double confidence)
    {
        Check(k, n, confidence);
        return k == 0 ? 0.0 : k == n ? Math.Pow(1 - confidence, 1.0 / n) : Beta.InvCDF(k, n - k + 1, 1 - confidence);
    }

    /// <summary>The one-sided upper bound.</summary>
    /// <param name="k">Successes.</param>
    /// <param name="n">Trials.</param>
    /// <param name="confidence">The confidence, in (0, 1).</param>
    /// <returns>The bound in [0, 1].</returns>
    public static double Upper(int k, int n, double confidence)
    {
        Check(k, n, confidence);
        return k == n ? 1.0 : k == 0 ? 1 - Math.Pow(1 - confidence, 1.0 / n) : Beta.InvCDF(k + 1, n - k, confidence);
    }

    /// <summary>
    /// The smallest number of cases n at which a rate of at least <paramref name="threshold"/> can be shown at
    /// <paramref name="confidence"/> when <paramref name="failures"/> of them fail (for "at least 99%", 95%, no
    /// failures: 299).
    /// </summary>
    /// <param name="threshold">The required rate, in (0, 1).</param>
    /// <param name="confidence">The confidence, in (0, 1).</param>
    /// <param name="failures">How many cases may fail.</param>
    /// <returns>The number of cases, or null when it exceeds ten million.</returns>
    public static int? CasesNeededForAtLeast(double threshold, double confidence, int failures = 0)
    {
        if (threshold <= 0)
        {
            return failures + 1;
        }

        if (threshold >= 1)
        {
            return null;
        }

        return Smallest(failures + 1, n => Lower(n - failures, n, confidence) >= threshold);
    }

    /// <summary>
    /// The smallest number of cases n at which a rate of at most <paramref name="threshold"/> can be shown at
    /// <paramref name="confidence"/> when <paramref name="events"/> of them are counted events (leaks, errors).
    /// </summary>
    /// <param name="threshold">The allowed rate, in [0, 1).</param>
    /// <param name="confidence">The confidence, in (0, 1).</param>
    /// <param name="events">How many counted events occur.</param>
    /// <returns>The number of cases, or null when it exceeds ten million.</returns>
    public static int? CasesNeededForAtMost(double threshold, double confidence, int events = 0)
    {
        if (threshold >= 1)
        {
            return Math.Max(events, 1);
        }

        if (threshold <= 0)
        {
            return null;
        }

        return Smallest(events + 1, n => Upper(events, n, confidence) <= threshold);
    }

    private static int? Smallest(int from, Func<int, bool> enough)
    {
        const int Limit = 10_000_000;
        var high = from;
        while (!enough(high))
        {
            if (high >= Limit)
            {
                return null;
            }

            high = Math.Min(Limit, high * 2);
        }

        var low = from;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (enough(mid))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private static void Check(int k, int n, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (confidence is <= 0 or >= 1 || double.IsNaN(confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be strictly between 0 and 1.");
        }
    }
}
