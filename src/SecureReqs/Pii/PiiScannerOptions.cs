namespace SecureReqs;

/// <summary>What a <see cref="PiiScanner"/> looks for.</summary>
/// <remarks>The scanner copies these values when it is constructed; changing the options afterwards has no effect on it.</remarks>
public sealed class PiiScannerOptions
{
    /// <summary>The types to detect.</summary>
    /// <value>The default value is every type in <see cref="PiiType.All"/>.</value>
    public ISet<PiiType> Types { get; set; } = new HashSet<PiiType>(PiiType.All);

    /// <summary>
    /// The regions whose national phone formats the scanner tries when a number is written without <c>+</c>: ISO 3166-1
    /// alpha-2 codes such as <c>US</c> or <c>GB</c>, or <c>all</c> for every region libphonenumber knows (more recall
    /// on national formats, more false alarms on other numbers). Numbers written with <c>+</c> or an international
    /// dialling prefix (<c>00</c>, <c>011</c>) and a country calling code are recognised for every region whatever
    /// this list holds.
    /// </summary>
    /// <value>The default value is <see cref="DefaultPhoneRegions"/>.</value>
    public IList<string> PhoneRegions { get; set; } = [.. DefaultPhoneRegions];

    /// <summary>
    /// The regions tried by default: North America, the United Kingdom and Ireland, the large EU and EFTA markets, and the
    /// largest markets of Latin America, Asia-Pacific, the Middle East and Africa.
    /// </summary>
    /// <value>US, CA, GB, IE, AU, NZ, IN, SG, HK, ZA, DE, AT, CH, FR, BE, NL, ES, PT, IT, SE, NO, DK, FI, PL, BR, MX, AR, JP, KR, CN, AE, IL.</value>
    public static IReadOnlyList<string> DefaultPhoneRegions { get; } =
    [
        "US", "CA", "GB", "IE", "AU", "NZ", "IN", "SG", "HK", "ZA", "DE", "AT", "CH", "FR", "BE", "NL", "ES", "PT",
        "IT", "SE", "NO", "DK", "FI", "PL", "BR", "MX", "AR", "JP", "KR", "CN", "AE", "IL",
    ];

    /// <summary>The word that stands for every region libphonenumber knows in <see cref="PhoneRegions"/>.</summary>
    public const string AllPhoneRegions = "all";

    /// <summary>Normalises and checks a list of phone regions; <c>all</c> expands to every region libphonenumber knows.</summary>
    /// <exception cref="ArgumentException">A region is neither a region libphonenumber knows nor <c>all</c>.</exception>
    internal static string[] ResolvePhoneRegions(IEnumerable<string>? regions)
    {
        var supported = PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions();
        var resolved = new List<string>();
        foreach (var raw in regions ?? [])
        {
            var region = raw.Trim();
            if (string.Equals(region, AllPhoneRegions, StringComparison.OrdinalIgnoreCase))
            {
                resolved.AddRange(DefaultPhoneRegions.Concat(supported.Order(StringComparer.Ordinal)));
                continue;
            }

            region = region.ToUpperInvariant();
            if (!supported.Contains(region))
            {
                throw new ArgumentException(
                    $"Unknown phone region '{raw}'. Use ISO 3166-1 alpha-2 codes such as US, GB, DE or IN, or 'all'.",
                    nameof(regions));
            }

            resolved.Add(region);
        }

        return [.. resolved.Distinct(StringComparer.Ordinal)];
    }
}
