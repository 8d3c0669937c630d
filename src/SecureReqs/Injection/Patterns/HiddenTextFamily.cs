using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Hidden text: zero-width characters inside words, bidirectional overrides, hidden markup, and Unicode tag characters that carry invisible ASCII (reported as <see cref="InjectionSignals.TagSmuggling"/>).</summary>
internal sealed class HiddenTextFamily(FamilyWeights w, FamilyWeights tags) : IInjectionFamily
{
    private readonly SignalWeight _zeroWidthOne = w["zero-width.one"];
    private readonly SignalWeight _zeroWidthFew = w["zero-width.two-or-three"];
    private readonly SignalWeight _zeroWidthMany = w["zero-width.more"];
    private readonly SignalWeight _bidi = w["bidirectional-controls"];
    private readonly SignalWeight _markup = w["hidden-markup"];
    private readonly SignalWeight _tags = tags["tag-characters"];

    public string Name => HiddenText;

    public void ScanRaw(RawContext c)
    {
        var raw = c.Raw;
        if (raw.Contains("style", StringComparison.OrdinalIgnoreCase) || raw.Contains("hidden", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var m in c.Matches(InjectionPatterns.HiddenMarkup()))
            {
                c.Hit(Name, _markup, m);
            }
        }
    }

    /// <summary>The hidden content found while folding: zero-width characters, bidirectional controls and tag characters.</summary>
    /// <param name="c">The layer.</param>
    public void ScanFolded(RawContext c)
    {
        var text = c.Text;
        var (start, end) = c.Origin.Span(0, c.Raw.Length);
        if (text.ZeroWidthInWords > 0)
        {
            c.Add(Name, text.ZeroWidthInWords switch { 1 => _zeroWidthOne, <= 3 => _zeroWidthFew, _ => _zeroWidthMany }, start, end, "text");
        }

        if (text.BidiControls > 0)
        {
            c.Add(Name, _bidi, start, end, "text");
        }

        if (text.TagStart >= 0)
        {
            var (tagStart, tagEnd) = c.Origin.Span(text.TagStart, text.TagEnd);
            c.Add(TagSmuggling, _tags, tagStart, tagEnd, "tag-characters");
            if (text.TagPayload.Length > 0 && c.Depth <= c.MaxDepth)
            {
                c.ScanDecoded(text.TagPayload, c.Origin.Inner(text.TagStart, text.TagEnd), "tag-characters", bonus: false);
            }
        }
    }
}
