using System.Globalization;

namespace SecureReqs;

/// <summary>Reads the numbers a story writes: percentages such as "99" or "99.5" (before the % sign).</summary>
public static class Percentages
{
    /// <summary>Parses a percentage as a story writes it into a fraction.</summary>
    /// <param name="text">The number before the % sign.</param>
    /// <param name="what">What it is, for the message ("threshold", "confidence").</param>
    /// <returns>The fraction, between 0 and 1.</returns>
    /// <exception cref="SecureReqsException">Not a number, or outside 0–100.</exception>
    public static double Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim().TrimEnd('%').TrimEnd();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || double.IsNaN(percent) || double.IsInfinity(percent))
        {
            throw new SecureReqsException($"The {what} \"{text}%\" is not a number. Write a percentage such as 99% or 99.5%.");
        }

        if (percent is < 0 or > 100)
        {
            throw new SecureReqsException($"The {what} {text}% is outside 0–100%. Write a percentage such as 99%.");
        }

        return percent / 100;
    }

    /// <summary>Parses a confidence ("95" for 95%), or returns the default when the story states none.</summary>
    /// <param name="text">The number before the % sign, or null.</param>
    /// <param name="defaultConfidence">The default, a fraction.</param>
    /// <returns>The confidence, a fraction in [0.5, 1).</returns>
    /// <exception cref="SecureReqsException">Malformed, or outside [50%, 100%).</exception>
    public static double Confidence(string? text, double defaultConfidence)
    {
        var confidence = text is null ? defaultConfidence : Parse(text, "confidence");
        if (double.IsNaN(confidence) || confidence is < 0.5 or >= 1)
        {
            throw new SecureReqsException($"The confidence {KpiRequirement.Percent(confidence)} must be at least 50% and below 100%, such as 95%.");
        }

        return confidence;
    }
}
