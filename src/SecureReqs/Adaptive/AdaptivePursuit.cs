using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// How a run pursues its attacks adaptively: which attacker model writes the next message, for how many turns, and the
/// width of a branching search. Each attack stays one trial for the story's bound, however many turns it took.
/// </summary>
public sealed class AdaptivePursuit
{
    /// <summary>The most turns an attack may be pursued for.</summary>
    public const int MaxTurnsLimit = 20;

    /// <summary>Creates the pursuit.</summary>
    /// <param name="attacker">The attacker model.</param>
    /// <param name="attackerName">The attacker model's name, for evidence and errors.</param>
    /// <param name="maxTurns">The most turns per attack (1–20).</param>
    /// <exception cref="SecureReqsException"><paramref name="maxTurns"/> is out of range.</exception>
    public AdaptivePursuit(IChatClient attacker, string attackerName, int maxTurns)
    {
        Attacker = attacker ?? throw new ArgumentNullException(nameof(attacker));
        AttackerName = attackerName ?? throw new ArgumentNullException(nameof(attackerName));
        MaxTurns = maxTurns is >= 1 and <= MaxTurnsLimit
            ? maxTurns
            : throw new SecureReqsException($"An attack can be pursued for 1 to {MaxTurnsLimit} turns, not {maxTurns}. Write for example 'Given each attack is pursued adaptively for up to 5 turns'.");
    }

    /// <summary>Gets the attacker model.</summary>
    public IChatClient Attacker { get; }

    /// <summary>Gets the attacker model's name.</summary>
    public string AttackerName { get; }

    /// <summary>Gets the most turns per attack: user messages for escalation, attempts for refinement, levels for a branching search.</summary>
    public int MaxTurns { get; }

    /// <summary>Gets or sets how many prompts a branching search keeps at each level.</summary>
    /// <value>The default value is 2.</value>
    public int Width { get; init; } = 2;

    /// <summary>Gets or sets how many variations a branching search writes of each kept prompt.</summary>
    /// <value>The default value is 2.</value>
    public int Branches { get; init; } = 2;

    /// <summary>Gets or sets what the target is for, as its configuration declares it, for the attacker's brief.</summary>
    public string? Purpose { get; init; }

    /// <summary>Gets or sets the seed mixed into each attacker request (providers that honour a seed repeat their answers).</summary>
    public int Seed { get; init; }

    /// <summary>Gets or sets how many characters of each answer the attacker is shown.</summary>
    /// <value>The default value is 1,500.</value>
    public int AnswerCharacters { get; init; } = 1500;

    /// <summary>The most target requests one attack can take: one per turn, or for a branching search the first level
    /// plus <paramref name="branches"/> variations of <paramref name="width"/> kept prompts at each further level.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <param name="maxTurns">The most turns.</param>
    /// <param name="width">The prompts a branching search keeps per level.</param>
    /// <param name="branches">The variations a branching search writes of each.</param>
    /// <returns>The number of target requests, at most.</returns>
    public static long MaxTargetRequests(AdaptiveStrategy strategy, int maxTurns, int width, int branches) =>
        strategy == AdaptiveStrategy.Branching ? 1 + ((long)(maxTurns - 1) * width * branches) : maxTurns;
}
