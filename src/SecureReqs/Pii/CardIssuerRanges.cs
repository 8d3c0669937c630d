namespace SecureReqs;

/// <summary>
/// The issuer identification number (IIN) ranges of the card schemes and the lengths each range issues, written from
/// the schemes' public documentation and the published IIN tables (as summarised in Wikipedia's "Payment card number").
/// </summary>
/// <remarks>
/// A number is a card when its leading digits fall in one of these ranges, it has one of that range's lengths, and it
/// passes Luhn (<see cref="PiiValidators.IsPaymentCard"/>). Ranges may overlap (co-branded and national schemes share
/// prefixes); a number needs to fit one. Not included: UATP (any 15-digit number starting with 1, which would also
/// take IMEIs and many ids) and private-label store cards, which have no public ranges.
/// </remarks>
internal static class CardIssuerRanges
{
    /// <summary>The fewest digits any scheme issues (Maestro).</summary>
    public const int MinLength = 12;

    /// <summary>The most digits any scheme issues.</summary>
    public const int MaxLength = 19;

    /// <summary>The table: scheme, lowest and highest prefix (same number of digits), and the lengths issued.</summary>
    public static IReadOnlyList<CardIssuerRange> All { get; } =
    [
        new("Visa", "4", "4", 13, 16, 19),
        new("Mastercard", "51", "55", 16),
        new("Mastercard", "2221", "2720", 16),
        new("American Express", "34", "34", 15),
        new("American Express", "37", "37", 15),
        new("Diners Club", "300", "305", 14, 15, 16, 17, 18, 19),
        new("Diners Club", "3095", "3095", 14, 15, 16, 17, 18, 19),
        new("Diners Club", "36", "36", 14, 15, 16, 17, 18, 19),
        new("Diners Club", "38", "39", 14, 15, 16, 17, 18, 19),
        new("Discover", "6011", "6011", 16, 17, 18, 19),
        new("Discover", "644", "649", 16, 17, 18, 19),
        new("Discover", "65", "65", 16, 17, 18, 19),
        new("JCB", "3528", "3589", 16, 17, 18, 19),
        new("JCB", "1800", "1800", 15),
        new("JCB", "2131", "2131", 15),
        new("UnionPay", "62", "62", 16, 17, 18, 19),
        new("China T-Union", "31", "31", 19),
        new("Maestro", "50", "50", 12, 13, 14, 15, 16, 17, 18, 19),
        new("Maestro", "56", "58", 12, 13, 14, 15, 16, 17, 18, 19),
        new("Maestro", "6304", "6304", 12, 13, 14, 15, 16, 17, 18, 19),
        new("Maestro", "6390", "6390", 12, 13, 14, 15, 16, 17, 18, 19),
        new("Maestro", "67", "67", 12, 13, 14, 15, 16, 17, 18, 19),
        new("Mir", "2200", "2204", 16, 17, 18, 19),
        new("Borica", "2205", "2205", 16),
        new("RuPay", "60", "60", 16),
        new("RuPay", "81", "82", 16),
        new("RuPay", "508", "508", 16),
        new("RuPay", "353", "353", 16),
        new("RuPay", "356", "356", 16),
        new("Dankort", "5019", "5019", 16),
        new("Verve", "506099", "506198", 16, 18, 19),
        new("Verve", "507865", "507964", 16, 18, 19),
        new("Verve", "650002", "650027", 16, 18, 19),
        new("Elo", "509", "509", 16),
        new("Hipercard", "606282", "606282", 16, 19),
        new("InterPayment", "636", "636", 16, 17, 18, 19),
        new("InstaPayment", "637", "639", 16),
        new("Troy", "9792", "9792", 16),
        new("Humo", "9860", "9860", 16),
        new("UzCard", "8600", "8600", 16),
        new("GPN", "1946", "1946", 16, 18, 19),
        new("LankaPay", "357111", "357111", 16),
    ];

    /// <summary>The first range that <paramref name="digits"/> (ASCII) fits by prefix and length, or null.</summary>
    public static CardIssuerRange? Find(ReadOnlySpan<char> digits)
    {
        foreach (var range in All)
        {
            if (range.Matches(digits))
            {
                return range;
            }
        }

        return null;
    }
}
