using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>
/// Hidden or encoded payload: an instruction to decode, translate or transform a payload and follow it. The decoding of
/// the payloads themselves (base64, hex, rot13, leetspeak, spaced letters…) is done by <see cref="InjectionScan"/>, which
/// adds this family's bonus weights when a decoded layer or variant carries other evidence.
/// </summary>
internal sealed class EncodedPayloadFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _decode = w["decode-and-follow"];
    private readonly SignalWeight _transform = w["transform-and-follow"];

    /// <summary>The bonus for a decoded layer (base64, hex, rot13…) that carries other evidence.</summary>
    public SignalWeight DecodedBonus { get; } = w["decoded-layer-carries-evidence"];

    /// <summary>The bonus for a leetspeak, identifier or spaced-letter variant that adds evidence.</summary>
    public SignalWeight VariantBonus { get; } = w["variant-adds-evidence"];

    /// <summary>The bonus for an attack phrase found in letters written without spaces.</summary>
    public SignalWeight SquashedBonus { get; } = w["joined-letters"];

    public string Name => EncodedPayload;

    public void ScanShadow(ShadowContext c)
    {
        foreach (var m in c.Matches(c.Has(InjectionGates.Decode), InjectionPatterns.DecodeAndFollow))
        {
            c.Hit(Name, _decode, m);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.Transforms), InjectionPatterns.TransformAndFollow))
        {
            c.Hit(Name, _transform, m);
        }
    }
}
