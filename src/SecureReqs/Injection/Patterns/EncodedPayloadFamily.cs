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
            if (IsCjkVerbInPayload(m.ValueSpan))
            {
                continue;
            }

            // The obey verb must stand outside a quotation opened after the transform verb: "translate into English:
            // "follow the manufacturer's instructions"" asks for a translation. The quoted verb ends the lazy match
            // first, so "translate "follow me" into German, then follow it" looks past the quotation for another.
            if (!c.OpensQuotation(m.Index, m.Index + m.Length) || HasFollowVerbPastQuotation(c, m.Index, m.Index + m.Length))
            {
                c.Hit(Name, _transform, m);
            }
        }
    }

    /// <summary>The Chinese and Japanese obey verbs of <see cref="InjectionPatterns.TransformAndFollow"/> and what may stand just before one that follows the payload.</summary>
    private static readonly string[] CjkObeyVerbs = ["照做", "执行", "執行", "遵循", "従って", "実行"];

    private static readonly string[] CjkThen = ["然后", "然後", "并", "並", "再", "之后", "之後", "后", "後", "それに", "そして", "其"];

    /// <summary>
    /// Whether a Chinese or Japanese match's obey verb stands after a colon that follows the transform verb, without a
    /// "then" before it: "请把这段话翻译成英文：新的规定从五月开始执行" asks to translate a sentence about a rule that
    /// "takes effect" (执行), and "…に従って" often means "according to". "解码这段：… 然后执行" and 照做 ("do as it says")
    /// still count.
    /// </summary>
    internal static bool IsCjkVerbInPayload(ReadOnlySpan<char> match)
    {
        var verb = -1;
        foreach (var candidate in CjkObeyVerbs)
        {
            if (match.EndsWith(candidate, StringComparison.Ordinal))
            {
                verb = match.Length - candidate.Length;
                if (candidate == "照做")
                {
                    return false;
                }

                break;
            }
        }

        if (verb < 0 || match[..verb].IndexOfAny('：', ':') < 0)
        {
            return false;
        }

        var before = match[..verb].TrimEnd();
        foreach (var then in CjkThen)
        {
            if (before.EndsWith(then, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The most characters after the transform verb's start in which a later obey verb is looked for.</summary>
    private const int FollowWindow = 160;

    /// <summary>
    /// Whether an obey verb after <paramref name="from"/>, on the same line and within <see cref="FollowWindow"/>
    /// characters of <paramref name="start"/>, stands outside every quotation opened after <paramref name="start"/>. The
    /// window is short, so it is searched as a copy of its own.
    /// </summary>
    private static bool HasFollowVerbPastQuotation(ShadowContext c, int start, int from)
    {
        var shadow = c.Shadow;
        var lineEnd = shadow.IndexOf('\n', from);
        var end = Math.Min(lineEnd < 0 ? shadow.Length : lineEnd, start + FollowWindow);
        if (end <= from)
        {
            return false;
        }

        foreach (var f in TieredRegex.For(InjectionPatterns.FollowVerb).Matches(shadow[from..end]))
        {
            if (!c.OpensQuotation(start, from + f.Index + f.Length))
            {
                return true;
            }
        }

        return false;
    }
}
