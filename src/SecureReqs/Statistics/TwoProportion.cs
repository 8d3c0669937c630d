using MathNet.Numerics.Distributions;

namespace SecureReqs;

/// <summary>
/// Compares two independent proportions, k1 of n1 (for example attacks that succeed on a model trained with poisoned
/// data) and k0 of n0 (without): the point difference p1 − p0 and a one-sided upper confidence bound for it by
/// Newcombe's hybrid score method (method 10 in Newcombe 1998, "Interval estimation for the difference between
/// independent proportions", Statistics in Medicine 17:873–890), built from Wilson score bounds.
/// </summary>
/// <remarks>
/// <para>
/// With z the standard normal quantile at the confidence c, Wilson's score bounds for k of n are
/// <c>(2k + z² ± z·√(z² + 4k(n − k)/n)) / (2(n + z²))</c>, and the upper bound for p1 − p0 is
/// <c>(p1 − p0) + √((u1 − p1)² + (p0 − l0)²)</c>, where u1 is the Wilson upper bound of p1 and l0 the Wilson lower
/// bound of p0. The one-sided bound at c is the upper limit of Newcombe's two-sided interval at 2c − 1. k = 0 and
/// k = n need no special case (the Wilson bounds are then 0 and 1), and the bound always lies in [p1 − p0, 1].
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public static class TwoProportion
{
    /// <summary>The point difference p1 − p0.</summary>
    /// <param name="k1">Events in the first group.</param>
    /// <param name="n1">Trials in the first group.</param>
    /// <param name="k0">Events in the second group.</param>
    /// <param name="n0">Trials in the second group.</param>
    /// <returns>The difference, in [−1, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, a group is empty, or k exceeds n.</exception>
    public static double Difference(int k1, int n1, int k0, int n0)
    {
        Check(k1, n1, nameof(k1));
        Check(k0, n0, nameof(k0));
        return ((double)k1 / n1) - ((double)k0 / n0);
    }

    /// <summary>The one-sided upper confidence bound for p1 − p0 (Newcombe's hybrid score method).</summary>
    /// <param name="k1">Events in the first group.</param>
    /// <param name="n1">Trials in the first group.</param>
    /// <param name="k0">Events in the second group.</param>
    /// <param name="n0">Trials in the second group.</param>
    /// <param name="confidence">The confidence, in (0, 1), such as 0.95.</param>
    /// <returns>The bound, in [p1 − p0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range, or the confidence is not strictly between 0 and 1.</exception>
    public static double UpperBound(int k1, int n1, int k0, int n0, double confidence)
    {
        var difference = Difference(k1, n1, k0, n0);
        var z = Z(confidence);
        var (p1, p0) = ((double)k1 / n1, (double)k0 / n0);
        var u1 = WilsonBound(k1, n1, z, upper: true);
        var l0 = WilsonBound(k0, n0, z, upper: false);
        var bound = difference + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p0 - l0) * (p0 - l0)));
        return Math.Clamp(bound, difference, 1.0);
    }

    /// <summary>The one-sided lower confidence bound for p1 − p0 (Newcombe's hybrid score method).</summary>
    /// <param name="k1">Events in the first group.</param>
    /// <param name="n1">Trials in the first group.</param>
    /// <param name="k0">Events in the second group.</param>
    /// <param name="n0">Trials in the second group.</param>
    /// <param name="confidence">The confidence, in (0, 1), such as 0.95.</param>
    /// <returns>The bound, in [−1, p1 − p0].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range, or the confidence is not strictly between 0 and 1.</exception>
    public static double LowerBound(int k1, int n1, int k0, int n0, double confidence) =>
        -UpperBound(k0, n0, k1, n1, confidence);

    /// <summary>Wilson's one-sided score bound for k of n at the confidence.</summary>
    /// <param name="k">Events.</param>
    /// <param name="n">Trials.</param>
    /// <param name="confidence">The confidence, in (0, 1).</param>
    /// <param name="upper">True for the upper bound, false for the lower.</param>
    /// <returns>The bound, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range, or the confidence is not strictly between 0 and 1.</exception>
    public static double Wilson(int k, int n, double confidence, bool upper)
    {
        Check(k, n, nameof(k));
        return WilsonBound(k, n, Z(confidence), upper);
    }

    private static double WilsonBound(int k, int n, double z, bool upper)
    {
        // At k = 0 and k = n the square root's inner term k(n − k)/n is 0, so the bounds are exactly 0 and 1 there.
        var z2 = z * z;
        var centre = (2.0 * k) + z2;
        var spread = z * Math.Sqrt(z2 + (4.0 * k * (n - k) / n));
        var bound = (upper ? centre + spread : centre - spread) / (2.0 * (n + z2));
        return k == 0 && !upper ? 0.0 : k == n && upper ? 1.0 : Math.Clamp(bound, 0.0, 1.0);
    }

    private static double Z(double confidence)
    {
        if (confidence is <= 0 or >= 1 || double.IsNaN(confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be strictly between 0 and 1.");
        }

        return Normal.InvCDF(0, 1, confidence);
    }

    private static void Check(int k, int n, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, name == "k" ? "n" : "n" + name[1..]);
        ArgumentOutOfRangeException.ThrowIfNegative(k, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n, name);
    }
}
