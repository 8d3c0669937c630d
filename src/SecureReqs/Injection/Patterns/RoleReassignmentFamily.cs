using System.Buffers;
using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Role reassignment: a new persona or mode for the assistant, especially an unrestricted one ("you are now DAN", "developer mode").</summary>
internal sealed class RoleReassignmentFamily(FamilyWeights w) : IInjectionFamily
{
    private static readonly SearchValues<string> PersonaNames = SearchValues.Create(["DAN", "STAN", "DUDE", "AIM", "UCAR", "AntiGPT", "DevMode"], StringComparison.Ordinal);

    private readonly SignalWeight _frameUnrestricted = w["role-frame.unrestricted"];
    private readonly SignalWeight _frameNow = w["role-frame.now"];
    private readonly SignalWeight _frame = w["role-frame"];
    private readonly SignalWeight _cjkUnrestricted = w["role-frame-cjk.unrestricted"];
    private readonly SignalWeight _cjk = w["role-frame-cjk"];
    private readonly SignalWeight _modeStrong = w["jailbreak-mode.named"];
    private readonly SignalWeight _modeCharacter = w["jailbreak-mode.stay-in-character"];
    private readonly SignalWeight _modePersona = w["jailbreak-mode.persona"];
    private readonly SignalWeight _modeAi = w["jailbreak-mode.with-ai"];
    private readonly SignalWeight _mode = w["jailbreak-mode"];
    private readonly SignalWeight _rolesAsked = w["roles-asked"];
    private readonly SignalWeight _privilegedAi = w["privileged-mode.with-ai"];
    private readonly SignalWeight _privileged = w["privileged-mode"];
    private readonly SignalWeight _grandma = w["relative-frame"];
    private readonly SignalWeight _foreignUnrestricted = w["role-frame-more-languages.unrestricted"];
    private readonly SignalWeight _foreign = w["role-frame-more-languages"];
    private readonly SignalWeight _lateRelative = w["late-relative-secret"];
    private readonly SignalWeight _personaName = w["persona-name"];

    public string Name => RoleReassignment;

    public void ScanShadow(ShadowContext c)
    {
        foreach (var m in c.Matches(c.Has(InjectionGates.RoleFrames), InjectionPatterns.RoleFrame))
        {
            c.Hit(Name, m.Groups["bad"].Success ? _frameUnrestricted : TieredRegex.For(InjectionPatterns.NowWord).IsMatch(m.ValueSpan) ? _frameNow : _frame, m);
        }

        foreach (var m in c.Matches(c.Cjk, InjectionPatterns.RoleFrameCjk))
        {
            c.Hit(Name, m.Groups["bad"].Success ? _cjkUnrestricted : _cjk, m);
        }

        var modes = c.Has(InjectionGates.JailbreakModes);
        foreach (var m in c.Matches(modes, InjectionPatterns.JailbreakMode))
        {
            c.Hit(Name, m.Groups["strong"].Success ? _modeStrong
                : m.Groups["character"].Success ? _modeCharacter
                : m.Groups["persona"].Success ? _modePersona
                : c.AiReference ? _modeAi : _mode, m);
        }

        foreach (var m in c.Matches(PromptExtractionFamily.AsksForMore(c), InjectionPatterns.ExtractionMore))
        {
            if (m.Groups["roles"].Success)
            {
                c.Hit(Name, _rolesAsked, m);
            }
        }

        foreach (var m in c.Matches(modes, InjectionPatterns.PrivilegedMode))
        {
            c.Hit(Name, c.AiReference ? _privilegedAi : _privileged, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Relatives), InjectionPatterns.GrandmaFrame))
        {
            c.Hit(Name, _grandma, m);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.ForeignRoles), InjectionPatterns.RoleFrameMoreLanguages))
        {
            c.Hit(Name, m.Groups["bad"].Success ? _foreignUnrestricted : _foreign, m);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.LateRelatives), InjectionPatterns.LateRelativeSecret))
        {
            c.Hit(Name, _lateRelative, m);
        }
    }

    public void ScanRaw(RawContext c)
    {
        foreach (var m in c.Matches(c.Raw.AsSpan().IndexOfAny(PersonaNames) >= 0, InjectionPatterns.PersonaName))
        {
            c.Hit(Name, _personaName, m);
        }
    }
}
