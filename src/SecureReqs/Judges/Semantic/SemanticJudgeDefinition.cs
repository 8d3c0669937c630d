namespace SecureReqs;

/// <summary>
/// A semantic judge a story can choose (<c>Given the semantic judge "policy-judge"</c>): the target whose model judges
/// (any target: a configured endpoint or one registered in code) and the signed calibration set its error is measured on.
/// </summary>
/// <param name="Name">The name stories use.</param>
/// <param name="Target">The name of the target that serves the judging model.</param>
/// <param name="Calibration">The name of the dataset (under <c>adversarial-datasets/</c>) holding its calibration items.</param>
public sealed record SemanticJudgeDefinition(string Name, string Target, string Calibration)
{
    /// <summary>The lowest sensitivity and specificity the judge may show on its calibration set before its verdicts can decide a story.</summary>
    /// <value>The default value is <see cref="JudgeCalibration.DefaultMinimumAccuracy"/> (90%).</value>
    public double MinimumAccuracy { get; init; } = JudgeCalibration.DefaultMinimumAccuracy;

    /// <summary>How many judging requests may be in flight at once.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrency { get; init; } = 4;
}
