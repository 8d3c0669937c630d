using System.Collections.Frozen;

namespace SecureReqs;

/// <summary>Checksums and structural rules that turn pattern candidates into findings.</summary>
internal static class PiiValidators
{
    /// <summary>IBAN length per country: the SWIFT IBAN registry plus the countries that issue IBAN-formatted numbers.</summary>
    private static readonly FrozenDictionary<string, int> _ibanLengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
        // Not in the registry, but IBAN-formatted account numbers are issued there.
        ["AO"] = 25, ["BF"] = 28, ["BJ"] = 28, ["CF"] = 27, ["CG"] = 27, ["CI"] = 28, ["CM"] = 27, ["CV"] = 25,
        ["DZ"] = 26, ["GA"] = 27, ["GQ"] = 27, ["GW"] = 25, ["IR"] = 26, ["KM"] = 27, ["MA"] = 28, ["MG"] = 27,
        ["ML"] = 28, ["MZ"] = 25, ["NE"] = 28, ["SN"] = 28, ["TD"] = 27, ["TG"] = 28,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Luhn (mod 10) checksum over ASCII digits.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// A payment card: a number that passes the Luhn checksum and whose prefix and length belong to a real issuer range
    /// (<see cref="CardIssuerRanges"/>).
    /// </summary>
    public static bool IsPaymentCard(ReadOnlySpan<char> digits)
    {
        var length = digits.Length;
        if (length is < CardIssuerRanges.MinLength or > CardIssuerRanges.MaxLength || AllSame(digits) || !Luhn(digits))
        {
            return false;
        }

        return CardIssuerRanges.Find(digits) is not null;
    }

    /// <summary>An IBAN without separators: a known country, its exact length, and ISO 7064 mod 97-10 equal to 1.</summary>
    public static bool IsIban(ReadOnlySpan<char> compact)
    {
        if (compact.Length < 15 || !TryGetIbanLength(compact[..2], out var expected) || compact.Length != expected)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[(i + 4) % compact.Length];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                >= 'a' and <= 'z' => c - 'a' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }

    /// <summary>The registered IBAN length for a two-letter country code.</summary>
    public static bool TryGetIbanLength(ReadOnlySpan<char> country, out int length) =>
        _ibanLengths.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(country, out length);

    /// <summary>The SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000; no well-known specimen.</summary>
    public static bool IsUsSsn(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial)
    {
        if (area is "000" or "666" || area[0] == '9' || group is "00" || serial is "0000")
        {
            return false;
        }

        Span<char> all = stackalloc char[9];
        area.CopyTo(all);
        group.CopyTo(all[3..]);
        serial.CopyTo(all[5..]);

        // The Woolworth wallet specimen and an advertising specimen, printed millions of times.
        return !AllSame(all) && all is not "078051120" and not "219099999";
    }

    private static bool AllSame(ReadOnlySpan<char> digits) => digits.Length > 0 && !digits.ContainsAnyExcept(digits[0]);
}
