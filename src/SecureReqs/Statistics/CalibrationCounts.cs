namespace SecureReqs;

/// <summary>How a judge did on a labelled calibration set.</summary>
/// <param name="TruePositives">Items a person marked positive (the rule is broken) that the judge called positive.</param>
/// <param name="Positives">Items a person marked positive.</param>
/// <param name="TrueNegatives">Items a person marked negative that the judge called negative.</param>
/// <param name="Negatives">Items a person marked negative.</param>
public sealed record CalibrationCounts(int TruePositives, int Positives, int TrueNegatives, int Negatives)
{
    /// <summary>The judge's sensitivity (true-positive rate), or NaN without positives.</summary>
    public double Sensitivity => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    /// <summary>The judge's specificity (true-negative rate), or NaN without negatives.</summary>
    public double Specificity => Negatives == 0 ? double.NaN : (double)TrueNegatives / Negatives;
}
