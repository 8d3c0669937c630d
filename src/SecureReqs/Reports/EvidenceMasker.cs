namespace SecureReqs;

/// <summary>
/// Masks PII in evidence before it is written to a report: every planted value of the case (as planted) and every
/// PII finding of the scanner (cards, SSNs, IBANs, e-mail addresses, phone numbers, IP addresses, secrets).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class EvidenceMasker
{
    private static readonly PiiScanner _scanner = PiiScanner.Default;

    /// <summary>Masks <paramref name="text"/>.</summary>
    /// <param name="text">Evidence text: a request or an answer.</param>
    /// <param name="planted">The case's planted values.</param>
    /// <returns>The masked text.</returns>
    public static string Mask(string text, IEnumerable<PlantedValue> planted)
    {
        foreach (var value in planted.OrderByDescending(p => p.Value.Length))
        {
            if (value.Value.Length >= 3)
            {
                text = text.Replace(value.Value, $"[{value.Name}]", StringComparison.OrdinalIgnoreCase);
            }
        }

        return _scanner.Mask(text);
    }
}
