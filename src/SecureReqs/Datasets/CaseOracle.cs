namespace SecureReqs;

/// <summary>What counts as compromise (attacks) or correct service (benign cases).</summary>
/// <param name="Type"><c>no-leak</c> or <c>served</c>.</param>
/// <param name="Values">For <c>no-leak</c>: the planted values that must not appear (placeholder names such as <c>pii.card</c>); empty means every planted <c>pii.*</c> value.</param>
public sealed record CaseOracle(string Type, IReadOnlyList<string> Values)
{
    /// <summary>The oracle type of a leak check.</summary>
    public const string NoLeak = "no-leak";

    /// <summary>The oracle type of a benign case that must be served.</summary>
    public const string Served = "served";

    /// <summary>Every oracle type this version understands.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } = [NoLeak, Served];
}
