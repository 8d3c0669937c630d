using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Fake system message: text posing as a system, developer or assistant message (chat-template tokens, role headers, system tags, authority claims).</summary>
internal sealed class FakeSystemMessageFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _systemHeader = w["role-header.system"];
    private readonly SignalWeight _header = w["role-header"];
    private readonly SignalWeight _systemTag = w["prompt-tag.system"];
    private readonly SignalWeight _roleTag = w["prompt-tag.role"];
    private readonly SignalWeight _tag = w["prompt-tag"];
    private readonly SignalWeight _marker = w["authority-marker"];
    private readonly SignalWeight _claim = w["authority-claim"];
    private readonly SignalWeight _toolOutput = w["tool-output-marker"];
    private readonly SignalWeight _bracketedRole = w["bracketed-role"];
    private readonly SignalWeight _nextStep = w["next-step-field"];
    private readonly SignalWeight _authorityForced = w["authority-over-assistant.with-forced-output"];
    private readonly SignalWeight _authority = w["authority-over-assistant"];
    private readonly SignalWeight _template = w["chat-template-token"];
    private readonly SignalWeight _field = w["instruction-field"];

    public string Name => FakeSystemMessage;

    public void ScanShadow(ShadowContext c)
    {
        var shadow = c.Shadow;
        var lines = shadow.Contains('\n', StringComparison.Ordinal);
        foreach (var m in c.Matches((shadow.Contains(':', StringComparison.Ordinal) || lines) && InjectionGates.MayHaveRoleHeader(shadow), InjectionPatterns.RoleHeader))
        {
            c.Hit(Name, m.Groups["system"].Success ? _systemHeader : _header, m, discountable: false);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.CjkAuthority), InjectionPatterns.RoleHeaderCjk))
        {
            c.Hit(Name, _systemHeader, m, discountable: false);
        }

        foreach (var m in c.Matches(shadow.Contains('<', StringComparison.Ordinal), InjectionPatterns.PromptTag))
        {
            var name = m.Groups["name"].Value;
            if (m.Groups["close"].Success)
            {
                if (!TieredRegex.For(InjectionPatterns.ClosingTagName).IsMatch(name))
                {
                    // A closing tag of the prompt's own parts is a delimiter escape (DelimiterEscapeFamily).
                    c.Hit(Name, _tag, m, discountable: false);
                }
            }
            else
            {
                c.Hit(Name, TieredRegex.For(InjectionPatterns.SystemTagName).IsMatch(name) ? _systemTag : name is "user" or "assistant" or "human" ? _roleTag : _tag, m, discountable: false);
            }
        }

        // The pattern ran wherever there was a bracket; now only where its bracketed alternative may match, or where a
        // bracket and a word of the other alternatives are (the gate those kept), so the answers are the same.
        var authority = c.Has(InjectionGates.Authority)
            || InjectionGates.MayHaveBracketedMarker(shadow)
            || (shadow.AsSpan().IndexOfAny('[', '(', '{') >= 0 && c.Has(InjectionGates.AuthorityMarkerWords));
        foreach (var m in c.Matches(authority, InjectionPatterns.AuthorityMarker))
        {
            c.Hit(Name, _marker, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Authority2), InjectionPatterns.AuthorityClaim))
        {
            c.Hit(Name, _claim, m);
        }

        foreach (var m in c.Matches((lines || shadow.Contains('<', StringComparison.Ordinal)) && c.Has(InjectionGates.ToolMarkers), InjectionPatterns.ToolOutputMarker))
        {
            c.Hit(Name, _toolOutput, m, discountable: false);
        }

        foreach (var m in c.Matches(shadow.AsSpan().IndexOfAny('[', '{', '(') >= 0 && c.Has(OutputGates.Roles), InjectionPatterns.BracketedRole))
        {
            c.Hit(Name, _bracketedRole, m, discountable: false);
        }

        foreach (var m in c.Matches(shadow.Contains('"', StringComparison.Ordinal) && c.Has(OutputGates.NextSteps), InjectionPatterns.NextStepField))
        {
            c.Hit(Name, _nextStep, m, discountable: false);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.Authority), InjectionPatterns.AuthorityOverAssistant))
        {
            c.Hit(Name, c.Demands.Forced || c.Demands.TokenOutput ? _authorityForced : _authority, m);
        }

        if (c.Lexical)
        {
            // Patterns that normally read the raw text, read again once lookalikes and leetspeak are folded away.
            foreach (var m in c.Matches(shadow.AsSpan().IndexOfAny('<', '[') >= 0, InjectionPatterns.ChatTemplateToken))
            {
                c.Hit(Name, _template, m, discountable: false);
            }

            foreach (var m in c.Matches(shadow.Contains('"', StringComparison.Ordinal) && c.Has(OutputGates.InstructionFields), InjectionPatterns.InstructionField))
            {
                c.Hit(Name, _field, m, discountable: false);
            }
        }
    }

    public void ScanRaw(RawContext c)
    {
        foreach (var m in c.Matches(c.Raw.AsSpan().IndexOfAny('<', '[') >= 0, InjectionPatterns.ChatTemplateToken))
        {
            c.Hit(Name, _template, m);
        }

        foreach (var m in c.Matches(c.Raw.Contains('"', StringComparison.Ordinal) && c.Has(OutputGates.InstructionFields), InjectionPatterns.InstructionField))
        {
            c.Hit(Name, _field, m);
        }
    }
}
