namespace SecureReqs.Tests.Pii;

public sealed class PiiScannerCardTests
{
    [Fact]
    public void Scan_EveryIssuerRangeAndLength_Found()
    {
        var random = new Random(2026);
        var missed = new List<string>();
        var tried = 0;

        foreach (var range in CardIssuerRanges.All)
        {
            foreach (var length in range.Lengths)
            {
                foreach (var prefix in new[] { range.Low, range.High })
                {
                    var card = WithLuhnDigit(prefix + Digits(random, length - prefix.Length - 1));
                    tried++;
                    if (!PiiScanner.Default.Scan($"Please charge {card} today.").Any(f => f.Type == PiiType.PaymentCard && f.Value == card))
                    {
                        missed.Add($"{range.Scheme} {length}: {card}");
                    }
                }
            }
        }

        tried.Should().BeGreaterThan(150);
        missed.Should().BeEmpty();
    }

    [Theory]
    [InlineData("501812345678", 12)] // Maestro, 12 digits
    [InlineData("6759123456789", 13)] // Maestro UK
    [InlineData("18001234567890", 15)] // JCB 1800
    [InlineData("21311234567890", 15)] // JCB 2131
    [InlineData("220012345678901", 16)] // Mir
    [InlineData("620012345678901234", 19)] // UnionPay, 19 digits
    [InlineData("400012345678901234", 19)] // Visa, 19 digits
    [InlineData("36001234567890", 14)] // Diners Club, 14 digits
    [InlineData("608012345678901", 16)] // RuPay
    public void Scan_CardLengthThatUsedToBeRejected_Found(string stem, int length)
    {
        var card = WithLuhnDigit(stem[..(length - 1)].PadRight(length - 1, '3'));

        var findings = PiiScanner.Default.Scan($"card {card} ok");

        findings.Should().ContainSingle(f => f.Type == PiiType.PaymentCard).Which.Value.Should().Be(card);
    }

    [Theory]
    [InlineData("123456789012345")] // no issuer starts with 12
    [InlineData("700012345678901")] // nor with 7
    [InlineData("900012345678901")] // 9 only for Troy 9792 and Humo 9860
    [InlineData("41111111111111")] // Visa has no 15-digit cards
    [InlineData("340000000000000")] // Amex with 16 digits
    [InlineData("51000000000000000")] // Mastercard with 19 digits (stem padded below)
    [InlineData("2131000000000000")] // JCB 2131 is 15 digits only
    [InlineData("180000000000000")] // JCB 1800 with 16 digits
    [InlineData("62000000000000")] // UnionPay with 15 digits
    [InlineData("40000000000")] // Visa with 12 digits
    public void Scan_LuhnValidNumberOutsideEveryIssuerRange_NoCardFound(string stem)
    {
        var number = WithLuhnDigit(stem.Length == 17 ? stem + "0" : stem);

        PiiValidators.Luhn(number).Should().BeTrue();
        PiiScanner.Default.Scan($"id {number} ok").Should().NotContain(f => f.Type == PiiType.PaymentCard);
    }

    [Theory]
    [InlineData('\u0660')] // Arabic-Indic
    [InlineData('\u06F0')] // Extended Arabic-Indic (Persian, Urdu)
    [InlineData('\u0966')] // Devanagari
    [InlineData('\u09E6')] // Bengali
    [InlineData('\u0E50')] // Thai
    [InlineData('\u1040')] // Myanmar
    [InlineData('\uFF10')] // fullwidth
    public void Scan_CardInDecimalDigitsOfAnotherScript_FoundWithOriginalOffsets(char zero)
    {
        var card = new string([.. "4111 1111 1111 1111".Select(c => char.IsAsciiDigit(c) ? (char)(zero + (c - '0')) : c)]);
        var text = $"Card: {card} thanks";

        var findings = PiiScanner.Default.Scan(text);

        var finding = findings.Should().ContainSingle(f => f.Type == PiiType.PaymentCard).Which;
        (finding.Start, finding.End).Should().Be((6, 6 + card.Length));
        finding.Mask.Should().Be("[card ****1111]");
    }

    [Fact]
    public void Scan_CardInMathematicalDigitsOutsideTheBmp_FoundWithOriginalOffsets()
    {
        // MATHEMATICAL BOLD DIGIT ZERO is U+1D7CE: each digit is a surrogate pair.
        var card = string.Concat("4111111111111111".Select(c => char.ConvertFromUtf32(0x1D7CE + (c - '0'))));
        var text = $"Card: {card} thanks";

        var findings = PiiScanner.Default.Scan(text);

        var finding = findings.Should().ContainSingle(f => f.Type == PiiType.PaymentCard).Which;
        (finding.Start, finding.End).Should().Be((6, 6 + card.Length));
    }

    [Fact]
    public void Scan_SuperscriptDigits_NotReadAsDigits()
    {
        // Superscripts have a digit value but are not decimal digits (category No): "4111 1111 1111 111¹" is not a card.
        PiiScanner.Default.Scan("card 4111 1111 1111 111\u00B9").Should().NotContain(f => f.Type == PiiType.PaymentCard);
    }

    [Fact]
    public void Scan_PhoneInArabicIndicDigits_Found()
    {
        const string Text = "اتصل على +٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨ من فضلك";

        var findings = PiiScanner.Default.Scan(Text);

        findings.Should().ContainSingle(f => f.Type == PiiType.Phone).Which.Value.Should().Be("+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨");
    }

    private static string Digits(Random random, int count) =>
        new([.. Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10)))]);

    private static string WithLuhnDigit(string stem)
    {
        for (var d = '0'; d <= '9'; d++)
        {
            if (PiiValidators.Luhn(stem + d))
            {
                return stem + d;
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}
