using static SecureReqs.InjectionSignals;

namespace SecureReqs;

/// <summary>Forced prefix or output: "begin your reply with 'Sure, here is'", "say exactly … and nothing else", echo rules, demanded literals.</summary>
internal sealed class ForcedPrefixFamily(FamilyWeights w) : IInjectionFamily
{
    private readonly SignalWeight _sure = w["prefix.affirmative"];
    private readonly SignalWeight _quoted = w["prefix.quoted"];
    private readonly SignalWeight _prefix = w["prefix.named"];
    private readonly SignalWeight _other = w["prefix"];
    private readonly SignalWeight _affirmative = w["forced-affirmative"];
    private readonly SignalWeight _continuation = w["continuation-bait"];
    private readonly SignalWeight _complete = w["complete-partial"];
    private readonly SignalWeight _formatWithCode = w["format-with-code"];
    private readonly SignalWeight _echoGame = w["echo.game"];
    private readonly SignalWeight _echo = w["echo.standing-rule"];
    private readonly SignalWeight _answerOnly = w["answer-only-more-languages"];

    /// <summary>The weights of demanded literals, read by <see cref="OutputDemands"/>.</summary>
    public (SignalWeight TokenExclusive, SignalWeight TokenAnswer, SignalWeight QuotedExclusive, SignalWeight QuotedWeakAnswer, SignalWeight QuotedAnswer, SignalWeight Token, SignalWeight Quoted) LiteralWeights { get; } =
        (w["literal.token-exclusive"], w["literal.token-about-answer"], w["literal.quoted-exclusive"], w["literal.quoted-weakly-exclusive-about-answer"], w["literal.quoted-about-answer"], w["literal.token"], w["literal.quoted"]);

    /// <summary>The weights of exclusive, named and CJK-demanded literals, read by <see cref="OutputDemands"/>.</summary>
    public (SignalWeight ExclusiveQuoted, SignalWeight ExclusiveToken, SignalWeight NamedQuoted, SignalWeight NamedExclusive, SignalWeight NamedToken, SignalWeight Cjk) OtherLiteralWeights { get; } =
        (w["exclusive-literal.quoted"], w["exclusive-literal.token"], w["named-literal.quoted"], w["named-literal.exclusive"], w["named-literal.token"], w["output-control-cjk"]);

    public string Name => ForcedPrefix;

    public void ScanShadow(ShadowContext c)
    {
        var prefixes = c.Has(InjectionGates.Prefixes);
        foreach (var m in c.Matches(prefixes, InjectionPatterns.ForcedPrefix))
        {
            c.Hit(Name, m.Groups["sure"].Success ? _sure : m.Groups["quoted"].Success ? _quoted : m.Groups["prefix"].Success ? _prefix : _other, m);
        }

        foreach (var m in c.Matches(prefixes, InjectionPatterns.ForcedAffirmative))
        {
            c.Hit(Name, _affirmative, m);
        }

        var demands = c.Demands;
        foreach (var (m, family, weight) in demands.Literals)
        {
            if (family == Name)
            {
                c.Hit(Name, weight, m);
            }
        }

        var shadow = c.Shadow;
        foreach (var m in c.Matches(c.Has(OutputGates.Completion) && shadow.Contains('"', StringComparison.Ordinal), InjectionPatterns.ContinuationBait))
        {
            c.Hit(Name, _continuation, m);
        }

        foreach (var m in c.Matches(demands.HasLiteral && c.Has(OutputGates.Completion), InjectionPatterns.CompletePartial))
        {
            c.Hit(Name, _complete, m);
        }

        if (demands.HasLiteral && (TieredRegex.For(InjectionPatterns.AnswerReference).IsMatch(shadow) || TieredRegex.For(InjectionPatterns.ReplyInFormat).IsMatch(shadow) || demands.AnyOutputLiteral))
        {
            foreach (var m in c.Matches(InjectionPatterns.FormatWithCode()))
            {
                c.Hit(Name, _formatWithCode, m);
            }
        }

        foreach (var m in demands.EchoRules)
        {
            c.Hit(Name, OutputDemands.IsEchoGame(m) ? _echoGame : _echo, m);
        }
    }

    public void ScanRaw(RawContext c)
    {
        foreach (var m in c.Matches(!c.Ascii || c.Has(OutputGates.MoreLanguages), InjectionPatterns.AnswerOnlyMoreLanguages))
        {
            c.Hit(Name, _answerOnly, m);
        }
    }
}
