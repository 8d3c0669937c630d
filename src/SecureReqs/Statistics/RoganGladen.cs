namespace SecureReqs;

/// <summary>
/// The rate of an event corrected for a judge's measured error (Rogan and Gladen, 1978): when a judge with sensitivity
/// Se and specificity Sp calls a share q of answers positive, the true share is estimated as
/// (q + Sp − 1) / (Se + Sp − 1), clamped to [0, 1]. The confidence bounds account for the uncertainty of all three
/// measured numbers: each of q, Se and Sp gets an exact (Clopper–Pearson) two-sided interval at confidence
/// 1 − α/3 (Bonferroni), and the bound is the extreme of the corrected rate over that box, so it holds with confidence
/// at least 1 − α. Conservative by construction.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class RoganGladen
{
    /// <summary>The corrected point estimate.</summary>
    /// <param name="observed">The share the judge called positive.</param>
    /// <param name="sensitivity">The judge's sensitivity.</param>
    /// <param name="specificity">The judge's specificity.</param>
    /// <returns>The estimate in [0, 1], or NaN when Se + Sp ≤ 1 (the judge is no better than chance and cannot be corrected for).</returns>
    public static double Estimate(double observed, double sensitivity, double specificity)
    {
        var youden = sensitivity + specificity - 1;
        return youden <= 0 ? double.NaN : Math.Clamp((observed + specificity - 1) / youden, 0, 1);
    }

    /// <summary>The one-sided bounds of the corrected rate.</summary>
    /// <param name="positives">Answers the judge called positive.</param>
    /// <param name="answers">Answers judged.</param>
    /// <param name="calibration">The judge's calibration counts.</param>
    /// <param name="confidence">The confidence, in (0, 1).</param>
    /// <returns>The lower and upper bounds, or null when the box reaches Se + Sp ≤ 1 (the calibration cannot rule out a
    /// judge no better than chance) or a count is empty.</returns>
    public static (double Lower, double Upper)? Bounds(int positives, int answers, CalibrationCounts calibration, double confidence)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        if (answers == 0 || calibration.Positives == 0 || calibration.Negatives == 0)
        {
            return null;
        }

        // Each of the three intervals is two-sided at 1 − α/3: each tail gets α/6.
        var tail = 1 - ((1 - confidence) / 6);
        var q = (ClopperPearson.Lower(positives, answers, tail), ClopperPearson.Upper(positives, answers, tail));
        var se = (ClopperPearson.Lower(calibration.TruePositives, calibration.Positives, tail), ClopperPearson.Upper(calibration.TruePositives, calibration.Positives, tail));
        var sp = (ClopperPearson.Lower(calibration.TrueNegatives, calibration.Negatives, tail), ClopperPearson.Upper(calibration.TrueNegatives, calibration.Negatives, tail));
        if (se.Item1 + sp.Item1 - 1 <= 0)
        {
            return null;
        }

        // The corrected rate is monotone in each argument over the box (Se + Sp > 1 throughout), so its extremes are at corners.
        var lower = double.PositiveInfinity;
        var upper = double.NegativeInfinity;
        foreach (var qi in new[] { q.Item1, q.Item2 })
        {
            foreach (var sei in new[] { se.Item1, se.Item2 })
            {
                foreach (var spi in new[] { sp.Item1, sp.Item2 })
                {
                    var value = Estimate(qi, sei, spi);
                    lower = Math.Min(lower, value);
                    upper = Math.Max(upper, value);
                }
            }
        }

        return (lower, upper);
    }
}
