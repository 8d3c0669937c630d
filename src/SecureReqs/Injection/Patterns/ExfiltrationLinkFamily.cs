using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Exfiltration link: markdown images and links that carry data in their query, instructions to append data to URLs or send it away, demanded links.</summary>
internal sealed class ExfiltrationLinkFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _send = w["instruction.send"];
    private readonly SignalWeight _instruction = w["instruction"];
    private readonly SignalWeight _imageRendered = w["resource.image-rendered"];
    private readonly SignalWeight _linkCarries = w["resource.link-rendered-carrying-data"];
    private readonly SignalWeight _linkRendered = w["resource.link-rendered"];
    private readonly SignalWeight _imageCarries = w["resource.image-carrying-data"];
    private readonly SignalWeight _resource = w["resource"];
    private readonly SignalWeight _queryFilled = w["markdown-link.query-filled"];
    private readonly SignalWeight _query = w["markdown-link.query"];

    /// <summary>The weights of demanded links, read by <see cref="OutputDemands"/>.</summary>
    public (SignalWeight Demanded, SignalWeight Plain, SignalWeight Exclusive) LinkWeights { get; } =
        (w["demanded-link.exclusive-or-answer"], w["demanded-link"], w["demanded-link.exclusive"]);

    public string Name => ExfiltrationLink;

    public void ScanShadow(ShadowContext c)
    {
        foreach (var m in c.Matches(c.Has(InjectionGates.Exfiltration), InjectionPatterns.ExfiltrationInstruction))
        {
            c.Hit(Name, m.Groups["send"].Success ? _send : _instruction, m);
        }

        foreach (var (m, family, weight) in c.Demands.Literals)
        {
            if (family == Name)
            {
                c.Hit(Name, weight, m);
            }
        }

        var shadow = c.Shadow;
        var resources = c.Matches(shadow.Contains("](", StringComparison.Ordinal) || shadow.Contains("<img", StringComparison.Ordinal) || shadow.Contains("]:", StringComparison.Ordinal), InjectionPatterns.MarkdownResource);
        if (resources.Count > 0)
        {
            var render = TieredRegex.For(InjectionPatterns.RenderResource).IsMatch(shadow) || TieredRegex.For(InjectionPatterns.AnswerReference).IsMatch(shadow) || OutputDemands.Exclusivity(shadow).Strong;
            foreach (var m in resources)
            {
                var image = m.Value.StartsWith('!') || m.Value.StartsWith('<');
                var carries = m.Value.Contains('?', StringComparison.Ordinal) || InjectionPatterns.AnyLiteral().IsMatch(m.Value[(m.Value.IndexOf("//", StringComparison.Ordinal) + 2)..]);
                c.Hit(Name, (image, render, carries) switch
                {
                    (true, true, _) => _imageRendered,
                    (false, true, true) => _linkCarries,
                    (false, true, false) => _linkRendered,
                    (true, false, true) => _imageCarries,
                    _ => _resource,
                }, m);
            }
        }
    }

    public void ScanRaw(RawContext c)
    {
        foreach (var m in c.Matches(c.Raw.Contains("](", StringComparison.Ordinal), InjectionPatterns.MarkdownLinkWithQuery))
        {
            c.Hit(Name, TieredRegex.For(InjectionPatterns.PlaceholderValue).IsMatch(m.Groups["query"].ValueSpan) ? _queryFilled : _query, m);
        }
    }
}
