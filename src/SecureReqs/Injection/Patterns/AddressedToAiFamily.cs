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

    public string Name => AddressedToAi;

    public void ScanShadow(ShadowContext c)
    {
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
            c.Hit(Name, _foreign, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Standing), InjectionPatterns.StandingOrder))
        {
            c.Hit(Name, _standing, m);
        }

        var shadow = c.Shadow;
        var comments = shadow.Contains("<!--", StringComparison.Ordinal) || shadow.Contains("/*", StringComparison.Ordinal) || shadow.Contains("--", StringComparison.Ordinal)
            || shadow.Contains("//", StringComparison.Ordinal) || shadow.Contains('#', StringComparison.Ordinal);
        foreach (var m in c.Matches(comments && c.Has(OutputGates.CommentAddressees), InjectionPatterns.CommentToAi))
        {
            c.Hit(Name, _comment, m, discountable: false);
        }

        foreach (var m in c.Matches(c.Lexical && c.Has(OutputGates.AiReaders), InjectionPatterns.NoteToAiAnyLanguage))
        {
            c.Hit(Name, _noteAnyLanguage, m, discountable: false);
        }
    }

    public void ScanRaw(RawContext c)
    {
        foreach (var m in c.Matches(c.Has(OutputGates.AiReaders), InjectionPatterns.NoteToAiAnyLanguage))
        {
            c.Hit(Name, _noteAnyLanguage, m);
        }
    }
}
