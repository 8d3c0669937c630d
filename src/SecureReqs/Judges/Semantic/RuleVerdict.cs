namespace SecureReqs;

/// <summary>A semantic judge's verdict on one answer.</summary>
/// <param name="Breaks">Whether the answer breaks the rule.</param>
/// <param name="Reason">The judge's one-sentence reason (clipped), for evidence.</param>
public sealed record RuleVerdict(bool Breaks, string Reason);
