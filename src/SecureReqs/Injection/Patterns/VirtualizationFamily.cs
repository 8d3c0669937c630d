using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Virtualization: a simulated machine, game, story or hypothetical world in which no rules apply.</summary>
internal sealed class VirtualizationFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _virtual = w["simulation"];
    private readonly SignalWeight _unrestricted = w["unrestricted-in-fiction"];
    private readonly SignalWeight _suspended = w["rules-suspended-in-fiction"];
    private readonly SignalWeight _hypothetical = w["hypothetical-permission"];
    private readonly SignalWeight _forcedInFiction = w["forced-output-in-fiction"];
    private readonly SignalWeight _machineFedOutputOnly = w["machine.output-only-and-fed"];
    private readonly SignalWeight _machineFed = w["machine.fed"];
    private readonly SignalWeight _machineOutputOnly = w["machine.output-only"];

    public string Name => Virtualization;

    public void ScanShadow(ShadowContext c)
    {
        var shadow = c.Shadow;
        foreach (var m in c.Matches(c.Has(InjectionGates.Virtual), InjectionPatterns.Virtualization))
        {
            c.Hit(Name, _virtual, m);
        }

        foreach (var m in c.Matches(c.Fiction && c.Has(InjectionGates.Unrestricted), InjectionPatterns.UnrestrictedPhrase))
        {
            c.Hit(Name, _unrestricted, m);
        }

        foreach (var m in c.Matches(c.Fiction && c.Has(InjectionGates.Restrictions), InjectionPatterns.RulesSuspended))
        {
            c.Hit(Name, _suspended, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Hypothetical), InjectionPatterns.HypotheticalPermission))
        {
            c.Hit(Name, _hypothetical, m);
        }

        var demands = c.Demands;
        if ((demands.ForcedAfterEcho || demands.TokenOutput) && TieredRegex.For(InjectionPatterns.FictionFrame).Match(shadow) is { Success: true } frame)
        {
            // A demanded output inside a story or hypothetical is still the attacker's output.
            c.Hit(Name, _forcedInFiction, frame);
        }

        var machines = c.Matches(c.Has(OutputGates.Machines), InjectionPatterns.SimulatedMachine);
        var outputOnly = machines.Count > 0 && TieredRegex.For(InjectionPatterns.OutputOnly).IsMatch(shadow);
        var fed = machines.Count > 0 && (demands.ForcedAfterEcho || InjectionPatterns.CodeToken().IsMatch(shadow));
        if (outputOnly || fed)
        {
            // A simulated machine that "only prints output", or that is fed a code to print, is a forced output in costume.
            c.Hit(Name, (outputOnly, fed) switch { (true, true) => _machineFedOutputOnly, (false, true) => _machineFed, _ => _machineOutputOnly }, machines[0]);
        }
    }
}
