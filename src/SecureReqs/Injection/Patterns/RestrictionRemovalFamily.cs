using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Restriction removal: a claim that the assistant's restrictions are lifted, or a request to disable them.</summary>
internal sealed class RestrictionRemovalFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _lifted = w["restrictions.lifted"];
    private readonly SignalWeight _your = w["restrictions.yours"];
    private readonly SignalWeight _all = w["restrictions.all"];
    private readonly SignalWeight _other = w["restrictions"];
    private readonly SignalWeight _described = w["third-person-factor"];
    private readonly SignalWeight _authorized = w["authorized-to-break"];
    private readonly SignalWeight _suspended = w["rules-suspended"];
    private readonly SignalWeight _vendor = w["vendor-policy"];
    private readonly SignalWeight _dontApply = w["rules-dont-apply-european"];
    private readonly SignalWeight _setting = w["setting-disabled"];

    public string Name => RestrictionRemoval;

    public void ScanShadow(ShadowContext c)
    {
        var restrictions = c.Has(InjectionGates.Restrictions);
        foreach (var m in c.Matches(restrictions, InjectionPatterns.RestrictionRemoval))
        {
            var weight = m.Groups["lifted"].Success ? _lifted
                : m.Groups["your"].Value switch { "your" => _your, "all" or "any" or "every" => _all, _ => _other };
            c.Hit(Name, c.ThirdPersonBefore(m.Index) ? weight.Times(_described) : weight, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Authorized), InjectionPatterns.AuthorizedToBreak))
        {
            c.Hit(Name, _authorized, m);
        }

        // Inside a fiction the same words are a virtualization (VirtualizationFamily).
        foreach (var m in c.Matches(restrictions && !c.Fiction, InjectionPatterns.RulesSuspended))
        {
            c.Hit(Name, _suspended, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Vendors), InjectionPatterns.VendorPolicy))
        {
            c.Hit(Name, _vendor, m);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.RulesDontApply), InjectionPatterns.RulesDontApplyEuropean))
        {
            c.Hit(Name, _dontApply, m);
        }

        foreach (var m in c.Matches(c.Shadow.AsSpan().IndexOfAny('=', ':', '>') >= 0 && c.Has(OutputGates.Settings), InjectionPatterns.SettingDisabled))
        {
            c.Hit(Name, _setting, m, discountable: false);
        }
    }
}
