using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Refusal suppression: instructions never to refuse, apologise or warn, or to answer regardless of ethics or legality.</summary>
internal sealed class RefusalSuppressionFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _strong = w["suppression.strong"];
    private readonly SignalWeight _moderate = w["suppression.moderate"];
    private readonly SignalWeight _weak = w["suppression"];
    private readonly SignalWeight _more = w["suppression-more"];
    private readonly SignalWeight _forbidden = w["refusal-forbidden"];
    private readonly SignalWeight _mild = w["refusal-forbidden.mild"];
    private readonly SignalWeight _described = w["third-person-factor"];

    public string Name => RefusalSuppression;

    public void ScanShadow(ShadowContext c)
    {
        var refusals = c.Has(InjectionGates.Refusals);
        foreach (var m in c.Matches(refusals, InjectionPatterns.RefusalSuppression))
        {
            Hit(c, m.Groups["strong"].Success ? _strong : m.Groups["moderate"].Success ? _moderate : _weak, m);
        }

        foreach (var m in c.Matches(refusals, InjectionPatterns.RefusalSuppressionMore))
        {
            Hit(c, _more, m);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.Refusal), InjectionPatterns.RefusalForbidden))
        {
            Hit(c, TieredRegex.For(InjectionPatterns.MildSuppression).IsMatch(m.ValueSpan) ? _mild : _forbidden, m);
        }
    }

    /// <summary>"The bot never refuses" describes someone else's rules, and counts less than "never refuse".</summary>
    private void Hit(ShadowContext c, SignalWeight weight, System.Text.RegularExpressions.Match m) =>
        c.Hit(Name, c.ThirdPersonBefore(m.Index) ? weight.Times(_described) : weight, m);
}
