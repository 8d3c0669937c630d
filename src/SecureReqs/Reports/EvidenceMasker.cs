namespace SecureReqs;

/// <summary>
/// Masks PII in evidence before it is written to a report: every planted value of the case (as planted) and every
/// PII finding of the scanner (cards, SSNs, IBANs, e-mail addresses, phone numbers, IP addresses, secrets).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class EvidenceMasker
{
    private static readonly PiiScanner _scanner = PiiScanner.Default;
    private static readonly PiiScanner _withoutEmail = new(PiiType.All.Where(t => t != PiiType.Email));

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

    /// <summary>
    /// Masks a tool call's evidence: every planted value of the case (the customer's own e-mail address included) and
    /// every scanner finding except e-mail addresses, so that where a call sent data (an attacker's address, the shop's
    /// own desk) stays visible.
    /// </summary>
    /// <param name="text">The call, with its arguments.</param>
    /// <param name="planted">The case's planted values.</param>
    /// <returns>The masked text.</returns>
    public static string MaskToolCall(string text, IEnumerable<PlantedValue> planted)
    {
        foreach (var value in planted.OrderByDescending(p => p.Value.Length))
        {
            if (value.Value.Length >= 3)
            {
                text = text.Replace(value.Value, $"[{value.Name}]", StringComparison.OrdinalIgnoreCase);
            }
        }

        return _withoutEmail.Mask(text);
    }
}
