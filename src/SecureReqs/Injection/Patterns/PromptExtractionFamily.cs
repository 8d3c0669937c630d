using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Prompt and secret extraction: a request to reveal the system prompt, the hidden instructions or a secret, possibly in an obfuscated form.</summary>
internal sealed class PromptExtractionFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _system = w["reveal.system-prompt"];
    private readonly SignalWeight _verbatim = w["reveal.verbatim"];
    private readonly SignalWeight _reveal = w["reveal"];
    private readonly SignalWeight _question = w["prompt-question"];
    private readonly SignalWeight _foreign = w["reveal-more-languages"];
    private readonly SignalWeight _secretYours = w["secret-request.yours"];
    private readonly SignalWeight _secret = w["secret-request"];
    private readonly SignalWeight _obfuscated = w["obfuscated-output"];
    private readonly SignalWeight _summary = w["more.summary"];
    private readonly SignalWeight _start = w["more.start"];
    private readonly SignalWeight _probe = w["more.probe"];
    private readonly SignalWeight _continue = w["more.continue"];
    private readonly SignalWeight _more = w["more"];
    private readonly SignalWeight _instructionsAsked = w["prompt-instructions-asked"];
    private readonly SignalWeight _secretOutright = w["secret-asked-outright"];
    private readonly SignalWeight _ownStrong = w["own-configuration.strong"];
    private readonly SignalWeight _own = w["own-configuration"];

    public string Name => PromptExtraction;

    /// <summary>The gate of <see cref="InjectionPatterns.ExtractionMore"/>, shared with <see cref="RoleReassignmentFamily"/>.</summary>
    public static bool AsksForMore(ShadowContext c) =>
        c.Has(InjectionGates.ExtractionNouns) || c.Has(InjectionGates.ExtractionVerbs) && c.Has(InjectionGates.ExtractionPlaces)
        || c.Words.Contains(" the user", StringComparison.Ordinal) || c.Has(InjectionGates.Completers);

    public void ScanShadow(ShadowContext c)
    {
        foreach (var m in c.Matches(c.Has(InjectionGates.HiddenConfig), InjectionPatterns.PromptExtraction))
        {
            c.Hit(Name, m.Groups["sys"].Success ? _system : TieredRegex.For(InjectionPatterns.VerbatimVerb).IsMatch(m.Groups["verb"].ValueSpan) ? _verbatim : _reveal, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.PromptQuestions), InjectionPatterns.PromptQuestion))
        {
            c.Hit(Name, _question, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.ForeignExtraction) || c.Cjk, InjectionPatterns.PromptExtractionForeign))
        {
            if (!AsksHowTo(m.ValueSpan))
            {
                c.Hit(Name, _foreign, m);
            }
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.Secrets), InjectionPatterns.SecretRequest))
        {
            c.Hit(Name, m.Groups["your"].Success ? _secretYours : _secret, m);
        }

        foreach (var m in c.Matches(c.Has(InjectionGates.SecretNouns) && TieredRegex.For(InjectionPatterns.SecretNoun).IsMatch(c.Shadow), InjectionPatterns.ObfuscatedOutput))
        {
            c.Hit(Name, _obfuscated, m);
        }

        foreach (var m in c.Matches(AsksForMore(c), InjectionPatterns.ExtractionMore))
        {
            if (!m.Groups["roles"].Success)
            {
                c.Hit(Name, m.Groups["summary"].Success ? _summary
                    : m.Groups["start"].Success ? _start
                    : m.Groups["probe"].Success ? _probe
                    : m.Groups["continue"].Success ? _continue
                    : _more, m);
            }
        }

        foreach (var m in c.Matches(c.Has(OutputGates.PromptParts), InjectionPatterns.PromptInstructionsAsked))
        {
            c.Hit(Name, _instructionsAsked, m);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.Secrets), InjectionPatterns.SecretAskedOutright))
        {
            c.Hit(Name, _secretOutright, m);
        }

        foreach (var m in c.Matches(c.Has(OutputGates.OwnConfiguration), InjectionPatterns.OwnConfiguration))
        {
            c.Hit(Name, m.Groups["strong"].Success || !m.Groups["weak"].Success ? _ownStrong : _own, m);
        }
    }

    /// <summary>Chinese question words between the verb and the prompt: "告诉我怎么写系统提示词" asks how to write one, not for this one.</summary>
    private static readonly string[] HowTo = ["怎么", "怎麼", "如何", "怎样", "怎樣", "什么是", "什麼是", "哪些"];

    private static bool AsksHowTo(ReadOnlySpan<char> match)
    {
        foreach (var word in HowTo)
        {
            if (match.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
