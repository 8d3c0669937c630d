using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Tool-call coercion: pressure to call a tool or function, or to act without the user's knowledge.</summary>
internal sealed class ToolCoercionFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _named = w["call.named-tool"];
    private readonly SignalWeight _call = w["call"];
    private readonly SignalWeight _covert = w["covert-action"];
    private readonly SignalWeight _json = w["json-tool-call"];

    public string Name => ToolCoercion;

    public void ScanShadow(ShadowContext c)
    {
        var tools = c.Has(InjectionGates.Tools);
        foreach (var m in c.Matches(tools, InjectionPatterns.ToolCoercion))
        {
            c.Hit(Name, m.Groups["named"].Success ? _named : _call, m);
        }

        foreach (var m in c.Matches(tools, InjectionPatterns.CovertAction))
        {
            c.Hit(Name, _covert, m);
        }
    }

    public void ScanRaw(RawContext c)
    {
        foreach (var m in c.Matches(c.Raw.Contains("\":", StringComparison.Ordinal) || c.Raw.Contains("':", StringComparison.Ordinal), InjectionPatterns.JsonToolCall))
        {
            c.Hit(Name, _json, m);
        }
    }
}
