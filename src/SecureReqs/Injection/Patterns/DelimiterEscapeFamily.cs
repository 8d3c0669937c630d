using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Delimiter escape: an attempt to close the user's or the document's part of the prompt ("END OF USER INPUT", closing tags, padding).</summary>
internal sealed class DelimiterEscapeFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _closingTag = w["closing-tag"];
    private readonly SignalWeight _delimiter = w["delimiter"];
    private readonly SignalWeight _endBlock = w["end-block"];
    private readonly SignalWeight _moreLanguages = w["delimiter-more-languages"];
    private readonly SignalWeight _padding = w["repeated-padding"];

    public string Name => DelimiterEscape;

    public void ScanShadow(ShadowContext c)
    {
        foreach (var m in c.Matches(c.Shadow.Contains('<', StringComparison.Ordinal), InjectionPatterns.PromptTag))
        {
            if (m.Groups["close"].Success && TieredRegex.For(InjectionPatterns.ClosingTagName).IsMatch(m.Groups["name"].ValueSpan))
            {
                c.Hit(Name, _closingTag, m, discountable: false);
            }
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Delimiters) || InjectionGates.Has(c.Shadow, InjectionGates.DelimiterMarks), InjectionPatterns.DelimiterEscape))
        {
            c.Hit(Name, _delimiter, m, discountable: false);
        }

        foreach (var m in c.Matches(c.Words.Contains(" end ", StringComparison.Ordinal), InjectionPatterns.EndBlockDelimiter))
        {
            c.Hit(Name, _endBlock, m, discountable: false);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.EndMarkers), InjectionPatterns.DelimiterMoreLanguages))
        {
            c.Hit(Name, _moreLanguages, m, discountable: false);
        }
    }

    public void ScanRaw(RawContext c)
    {
        if (c.Raw.Length >= 60 && OutputGates.HasRepeatedPadding(c.Raw))
        {
            foreach (var m in InjectionPatterns.RepeatedPadding(c.Raw).Take(3))
            {
                c.Hit(Name, _padding, m);
            }
        }
    }
}
