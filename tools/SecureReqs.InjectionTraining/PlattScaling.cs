namespace SecureReqs.InjectionTraining;

/// <summary>Platt's sigmoid fit (with his target smoothing) by Newton's method, and the threshold rule.</summary>
internal static class PlattScaling
{
    /// <summary>Fits <c>p = 1 / (1 + exp(A·z + B))</c> to logits and labels.</summary>
    public static (double A, double B) Fit(IReadOnlyList<double> logits, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double g1 = 0, g2 = 0, h11 = 1e-12, h22 = 1e-12, h21 = 0;
            for (var i = 0; i < logits.Count; i++)
            {
                var z = Clip(logits[i]);
                var t = labels[i] ? high : low;
                var p = 1 / (1 + Math.Exp(Math.Clamp(a * z + b, -500, 500)));
                var d = t - p;
                g1 += z * d;
                g2 += d;
                var w = p * (1 - p);
                h11 += z * z * w;
                h22 += w;
                h21 += z * w;
            }

            var det = h11 * h22 - h21 * h21;
            if (Math.Abs(det) < 1e-18)
            {
                break;
            }

            var da = -(h22 * g1 - h21 * g2) / det;
            var db = -(-h21 * g1 + h11 * g2) / det;
            a += da;
            b += db;
            if (Math.Abs(da) < 1e-10 && Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return (Math.Min(a, 0), b);
    }

    /// <summary>
    /// The lowest threshold at which at most <paramref name="falseAlarmRate"/> of the benign probabilities reach it:
    /// just above the benign probability ranked ⌊rate·n⌋ from the top.
    /// </summary>
    public static double Threshold(IEnumerable<double> benignProbabilities, double falseAlarmRate)
    {
        var sorted = benignProbabilities.OrderDescending().ToList();
        var allowed = (int)Math.Floor(falseAlarmRate * sorted.Count);
        if (allowed >= sorted.Count)
        {
            return 1e-6;
        }

        return Math.Min(1, Math.Round(Math.BitIncrement(sorted[allowed]) + 5e-7, 6, MidpointRounding.AwayFromZero));
    }

    private static double Clip(double z) => double.IsNegativeInfinity(z) ? -50 : Math.Clamp(z, -50, 50);
}
