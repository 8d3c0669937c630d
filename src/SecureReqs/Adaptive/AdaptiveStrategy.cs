namespace SecureReqs;

/// <summary>How an attacker model pursues an attack over several turns.</summary>
public enum AdaptiveStrategy
{
    /// <summary>
    /// Gradual escalation in one conversation (the Crescendo pattern): the attacker sees every answer and moves closer
    /// to the goal turn by turn. A turn is one user message.
    /// </summary>
    Escalation,

    /// <summary>
    /// Iterative refinement of a single prompt (the PAIR pattern): each attempt is a new conversation of one message,
    /// rewritten after the attacker reads why the last one failed. A turn is one attempt.
    /// </summary>
    Refinement,

    /// <summary>
    /// A branching search (the TAP pattern): each kept prompt is refined into several variations, the variations the
    /// target did not refuse are kept, and the search goes one level deeper. A turn is one level of the tree.
    /// </summary>
    Branching,
}
