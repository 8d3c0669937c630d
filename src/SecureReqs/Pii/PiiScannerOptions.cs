namespace SecureReqs;

/// <summary>What a <see cref="PiiScanner"/> looks for.</summary>
/// <remarks>The scanner copies these values when it is constructed; changing the options afterwards has no effect on it.</remarks>
public sealed class PiiScannerOptions
{
    /// <summary>The types to detect.</summary>
    /// <value>The default value is every type in <see cref="PiiType.All"/>.</value>
    public ISet<PiiType> Types { get; set; } = new HashSet<PiiType>(PiiType.All);

    /// <summary>
    /// The regions (ISO 3166-1 alpha-2, for example <c>US</c> or <c>GB</c>) whose national phone formats are recognised;
    /// numbers written with a leading <c>+</c> and a country code are recognised whatever the regions.
    /// </summary>
    /// <value>The default value is <c>["US"]</c>.</value>
    public IList<string> PhoneRegions { get; set; } = ["US"];
}
