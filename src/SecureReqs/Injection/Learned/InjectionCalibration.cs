using System.Globalization;

namespace SecureReqs;

/// <summary>
/// Platt scaling of the learned stage's logit for one source, <c>p = 1 / (1 + exp(A·z + B))</c>, and the calibrated
/// probabilities from which a text is suspicious or an injection, all chosen on the validation split.
/// </summary>
/// <param name="A">Platt's slope (negative: a higher logit is a higher probability).</param>
/// <param name="B">Platt's offset.</param>
/// <param name="Suspicious">The calibrated probability from which the learned stage calls a text suspicious.</param>
/// <param name="Injection">The calibrated probability from which it calls it an injection.</param>
internal sealed record InjectionCalibration(double A, double B, double Suspicious, double Injection)
{
    /// <summary>The identity calibration with thresholds that never fire (used only while training).</summary>
    public static InjectionCalibration Uncalibrated { get; } = new(-1, 0, 1, 1);

    /// <summary>The calibrated probability of a logit; always in [0, 1] and non-decreasing in the logit when A ≤ 0.</summary>
    public double Probability(double logit) =>
        double.IsNegativeInfinity(logit) ? 0 : 1 / (1 + Math.Exp(Math.Clamp(A * logit + B, -500, 500)));

    /// <summary>
    /// Maps a calibrated probability onto the detector's score scale: the learned thresholds land on the detector's
    /// suspicious and injection thresholds, linearly in between, so one verdict rule reads both stages.
    /// </summary>
    public double ToDetectorScore(double probability, double suspicious, double injection)
    {
        // Below a threshold the score stays below the detector's threshold it maps onto: the linear map can round up
        // to it by one unit in the last place for a probability one unit below (seen with p ≥ 0.976901).
        if (probability < Suspicious)
        {
            return Suspicious <= 0 ? suspicious : Math.Min(suspicious * probability / Suspicious, Math.BitDecrement(suspicious));
        }

        if (probability < Injection)
        {
            return Math.Min(suspicious + (injection - suspicious) * (probability - Suspicious) / (Injection - Suspicious), Math.BitDecrement(injection));
        }

        return Injection >= 1 ? injection : injection + (1 - injection) * (probability - Injection) / (1 - Injection);
    }

    /// <summary>The provenance keys this calibration is written under for <paramref name="source"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToProvenance(string source)
    {
        yield return new($"calibration.{source}.plattA", Format(A));
        yield return new($"calibration.{source}.plattB", Format(B));
        yield return new($"threshold.{source}.suspicious", Format(Suspicious));
        yield return new($"threshold.{source}.injection", Format(Injection));
    }

    /// <summary>Reads a calibration from a signed manifest's provenance.</summary>
    /// <exception cref="SecureReqsException">A key is missing or not a number, or the thresholds are out of order.</exception>
    public static InjectionCalibration FromProvenance(IReadOnlyDictionary<string, string> provenance, string source, string origin)
    {
        double Read(string key)
        {
            if (!provenance.TryGetValue(key, out var text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new SecureReqsException($"{origin}: the provenance has no numeric \"{key}\". The injection model's manifest must carry its calibration; retrain and re-sign the model.");
            }

            return value;
        }

        var calibration = new InjectionCalibration(Read($"calibration.{source}.plattA"), Read($"calibration.{source}.plattB"), Read($"threshold.{source}.suspicious"), Read($"threshold.{source}.injection"));
        if (calibration.A > 0 || calibration.Suspicious is <= 0 or > 1 || calibration.Injection < calibration.Suspicious || calibration.Injection > 1)
        {
            throw new SecureReqsException($"{origin}: the {source} calibration is not usable (Platt A must be ≤ 0, 0 < suspicious ≤ injection ≤ 1). Retrain and re-sign the model.");
        }

        return calibration;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
