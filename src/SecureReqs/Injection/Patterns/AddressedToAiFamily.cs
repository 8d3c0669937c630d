using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Addressed to the AI: text in content that speaks to the AI processing it ("note to the AI", "assistants reading this must…", comments to the model).</summary>
internal sealed class AddressedToAiFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _covert = w["addressed.covert"];
    private readonly SignalWeight _note = w["addressed.note"];
    private readonly SignalWeight _reading = w["addressed.readers"];
    private readonly SignalWeight _ifAi = w["addressed.if-you-are-an-ai"];
    private readonly SignalWeight _hey = w["addressed.greeting"];
    private readonly SignalWeight _other = w["addressed"];
    private readonly SignalWeight _foreign = w["addressed-more-languages"];
    private readonly SignalWeight _standing = w["standing-order"];
    private readonly SignalWeight _comment = w["comment-to-ai"];
    private readonly SignalWeight _noteAnyLanguage = w["note-to-ai-any-language"];
    private readonly SignalWeight _task = w["addressed-task"];

    public string Name => AddressedToAi;

    public void ScanShadow(ShadowContext c)
    {
        var shadow = c.Shadow;
        foreach (var m in c.Matches(c.Has(InjectionGates.AiAddressees), InjectionPatterns.AddressedToAi))
        {
            c.Hit(Name,
                m.Groups["covert"].Success ? _covert
                : m.Groups["note"].Success ? _note
                : m.Groups["reading"].Success ? _reading
                : m.Groups["ifai"].Success ? _ifAi
                : m.Groups["hey"].Success ? _hey
                : _other, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.ForeignAi), InjectionPatterns.AddressedToAiForeign))
        {
            c.Hit(Name, _foreign, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.AddressedDutch) || c.Has(InjectionGates.AddressedCjk), InjectionPatterns.AddressedToAiMore))
        {
            if (!Transcripts.IsObjectCjk(shadow, m.Index))
            {
                c.Hit(Name, _foreign, m);
            }
        }

        if (c.Has(InjectionGates.TaskAddressee))
        {
            // A task given to the AI by name: the address, then an order checked in code on the same line.
            foreach (var m in c.Matches(true, InjectionPatterns.TaskDedication).Concat(c.Matches(true, InjectionPatterns.TaskDedicationRelative)))
            {
                var after = m.Groups["separator"].Success ? m.Index + m.Length : TaskOrders.SeparatorAfter(shadow, m.Index + m.Length);
                if (after >= 0 && TaskOrders.AnyWithin(shadow, after))
                {
                    c.Hit(Name, _task, m);
                }
            }

            foreach (var m in c.Matches(true, InjectionPatterns.TaskLabel))
            {
                var after = m.Groups["separator"].Success || m.Groups["mention"].Success ? m.Index + m.Length : -1;
                if (after >= 0 && TaskOrders.First(shadow, after))
                {
                    c.Hit(Name, _task, m);
                }
            }

            foreach (var m in c.Matches(true, InjectionPatterns.TaskCondition))
            {
                if (TaskOrders.First(shadow, m.Index + m.Length))
                {
                    c.Hit(Name, _task, m);
                }
            }

            var rule = c.Has(InjectionGates.TaskRuleVerbs) && (c.Has(InjectionGates.TaskRuleModals) || shadow.Contains(':', StringComparison.Ordinal));
            foreach (var m in c.Matches(rule, InjectionPatterns.TaskRule).Concat(c.Matches(rule, InjectionPatterns.TaskRuleVerbLast)))
            {
                if (!m.Groups["colon"].Success || m.Groups["relative"].Success)
                {
                    c.Hit(Name, _task, m);
                }
            }
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.TaskAddresseeCjk), InjectionPatterns.AddressedTaskCjk))
        {
            if (TaskOrders.CjkOrderFollows(shadow, m))
            {
                c.Hit(Name, _task, m);
            }
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Standing), InjectionPatterns.StandingOrder))
        {
            c.Hit(Name, _standing, m);
        }

        var comments = shadow.Contains("<!--", StringComparison.Ordinal) || shadow.Contains("/*", StringComparison.Ordinal) || shadow.Contains("--", StringComparison.Ordinal)
            || shadow.Contains("//", StringComparison.Ordinal) || shadow.Contains('#', StringComparison.Ordinal);
        foreach (var m in c.Matches(comments && c.Has(OutputGates.CommentAddressees), InjectionPatterns.CommentToAi))
        {
            c.Hit(Name, _comment, m, discountable: false);
        }

        bool? transcript = null;
        foreach (var m in c.Matches(c.Lexical && c.Has(OutputGates.AiReaders), InjectionPatterns.NoteToAiAnyLanguage))
        {
            if (!(Transcripts.OpensLine(shadow, m.Index) && (transcript ??= Transcripts.HasOtherSpeaker(shadow))))
            {
                c.Hit(Name, _noteAnyLanguage, m, discountable: false);
            }
        }
    }

    public void ScanRaw(RawContext c)
    {
        bool? transcript = null;
        foreach (var m in c.Matches(c.Has(OutputGates.AiReaders), InjectionPatterns.NoteToAiAnyLanguage))
        {
            // A speaker line of a transcript ("AI assistant: Please reply with your order number." under "Customer: …").
            if (!(Transcripts.OpensLine(c.Raw, m.Index) && (transcript ??= Transcripts.HasOtherSpeaker(c.Raw))))
            {
                c.Hit(Name, _noteAnyLanguage, m);
            }
        }
    }
}
