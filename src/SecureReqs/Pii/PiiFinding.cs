namespace SecureReqs;

/// <summary>One piece of personal data or secret found in a text.</summary>
/// <param name="Type">What was found.</param>
/// <param name="Start">Offset of the first character, in UTF-16 code units of the scanned string.</param>
/// <param name="End">Offset just past the last character, in UTF-16 code units of the scanned string.</param>
/// <param name="Value">The matched text exactly as it appears in the scanned string (it is sensitive: never log it).</param>
/// <param name="Validator">What confirmed the match, for example <c>luhn</c>, <c>iban-mod97</c> or <c>libphonenumber</c>.</param>
/// <param name="Confidence">How sure the detector is, from 0 to 1; checksum-validated matches score highest.</param>
public sealed record PiiFinding(PiiType Type, int Start, int End, string Value, string Validator, double Confidence)
{
    /// <summary>The number of UTF-16 code units the finding spans.</summary>
    public int Length => End - Start;

    /// <summary>The typed mask that replaces this finding, for example <c>[card ****1111]</c> or <c>[email]</c>.</summary>
    /// <remarks>Only a payment card keeps anything of its value: its last four digits, as printed on receipts.</remarks>
    public string Mask
    {
        get
        {
            if (Type != PiiType.PaymentCard)
            {
                return $"[{Type.MaskLabel}]";
            }

            Span<char> last4 = stackalloc char[4];
            var n = 0;
            for (var i = Value.Length - 1; i >= 0 && n < 4; i--)
            {
                var digit = PiiText.DigitValue(Value[i]);
                if (digit >= 0)
                {
                    last4[3 - n++] = (char)('0' + digit);
                }
            }

            return $"[card ****{last4[(4 - n)..]}]";
        }
    }

    /// <summary>Describes the finding without its value, so that it is safe to log.</summary>
    /// <returns>For example <c>payment-card [10..29) by luhn</c>.</returns>
    public override string ToString() => $"{Type.Name} [{Start}..{End}) by {Validator}";
}
