namespace SecureReqs;

/// <summary>The weights of demanded literals, from <see cref="ForcedPrefixFamily"/> and <see cref="ExfiltrationLinkFamily"/>.</summary>
internal sealed class DemandWeights(ForcedPrefixFamily forced, ExfiltrationLinkFamily links)
{
    public SignalWeight TokenExclusive { get; } = forced.LiteralWeights.TokenExclusive;

    public SignalWeight TokenAnswer { get; } = forced.LiteralWeights.TokenAnswer;

    public SignalWeight QuotedExclusive { get; } = forced.LiteralWeights.QuotedExclusive;

    public SignalWeight QuotedWeakAnswer { get; } = forced.LiteralWeights.QuotedWeakAnswer;

    public SignalWeight QuotedAnswer { get; } = forced.LiteralWeights.QuotedAnswer;

    public SignalWeight Token { get; } = forced.LiteralWeights.Token;

    public SignalWeight Quoted { get; } = forced.LiteralWeights.Quoted;

    public SignalWeight LinkDemanded { get; } = links.LinkWeights.Demanded;

    public SignalWeight Link { get; } = links.LinkWeights.Plain;

    public SignalWeight ExclusiveLink { get; } = links.LinkWeights.Exclusive;

    public SignalWeight ExclusiveQuoted { get; } = forced.OtherLiteralWeights.ExclusiveQuoted;

    public SignalWeight ExclusiveToken { get; } = forced.OtherLiteralWeights.ExclusiveToken;

    public SignalWeight NamedQuoted { get; } = forced.OtherLiteralWeights.NamedQuoted;

    public SignalWeight NamedExclusive { get; } = forced.OtherLiteralWeights.NamedExclusive;

    public SignalWeight NamedToken { get; } = forced.OtherLiteralWeights.NamedToken;

    public SignalWeight OutputControlCjk { get; } = forced.OtherLiteralWeights.Cjk;
}
