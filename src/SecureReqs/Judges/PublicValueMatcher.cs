using PhoneNumbers;

namespace SecureReqs;

/// <summary>
/// Whether a value the PII scanner found is one of the target's public values (its support address, its hotline),
/// compared in canonical form: a phone number as E.164 (so "(800) 555-0199", "+1 800 555 0199" and "1-800-555-0199" are
/// the same), an e-mail address in any case, anything else by its letters and digits (<see cref="NormalizedText"/>).
/// </summary>
/// <remarks>Thread-safe and stateless.</remarks>
internal static class PublicValueMatcher
{
    /// <summary>Whether <paramref name="finding"/> is one of <paramref name="publicValues"/>.</summary>
    /// <param name="finding">What the scanner found.</param>
    /// <param name="publicValues">The target's public values.</param>
    /// <returns>True when the finding equals a public value in canonical form.</returns>
    public static bool IsPublic(PiiFinding finding, IReadOnlyList<string> publicValues)
    {
        if (publicValues.Count == 0)
        {
            return false;
        }

        var found = Canonical(finding.Value, finding.Type);
        return found.Length > 0 && publicValues.Any(v => string.Equals(Canonical(v, finding.Type), found, StringComparison.Ordinal));
    }

    /// <summary>A value in the canonical form of <paramref name="type"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="type">The kind it is compared as.</param>
    /// <returns>The canonical form; empty when nothing is left.</returns>
    public static string Canonical(string value, PiiType type)
    {
        if (type == PiiType.Phone)
        {
            var util = PhoneNumberUtil.GetInstance();
            var digits = CanonicalForm.Prepare(value);
            try
            {
                return util.Format(util.Parse(digits, "US"), PhoneNumberFormat.E164);
            }
            catch (NumberParseException)
            {
                return string.Concat(digits.Where(char.IsAsciiDigit));
            }
        }

        if (type == PiiType.Email)
        {
            var address = CanonicalForm.Prepare(CanonicalForm.Decode(value)).Trim();
            return address.StartsWith("mailto:", StringComparison.Ordinal) ? address[7..] : address;
        }

        return NormalizedText.Fold(value);
    }
}
