namespace SecureReqs;

/// <summary>
/// One requirement of a story: parsed and validated when the story is read, checked against the facts of the story
/// before any request is sent (<see cref="Preflight"/>), and turned into one <see cref="RequirementResult"/> once the
/// evidence is in (<see cref="EvaluateAsync"/>). Judges measure; a requirement interprets.
/// </summary>
/// <remarks>Implementations are immutable and thread-safe. <see cref="EvaluateAsync"/> never throws for what it finds:
/// a failing or inconclusive requirement is a result; only a misuse (no run where one is needed) throws.</remarks>
public abstract class StoryRequirement
{
    /// <summary>The requirement as the story states it, such as "redaction rate at least 99% (95% confidence)".</summary>
    public abstract string Statement { get; }

    /// <summary>Whether the requirement is judged on the answers of a run (most are); data checks are not.</summary>
    public virtual bool NeedsRun => true;

    /// <summary>What can be known to be wrong before a single request is sent: a claim the planned cases can never
    /// show, a target that declares no system prompt or tool policy.</summary>
    /// <param name="facts">The planned story.</param>
    /// <returns>Each problem as one sentence that says the fix; empty when none.</returns>
    public virtual IEnumerable<string> Preflight(StoryFacts facts) => [];

    /// <summary>
    /// Why the requirement does not apply to the story's target, or null when it does: a serving-layer check against an
    /// in-process target (which has no endpoint). A story with a requirement that does not apply is not run: hosts report
    /// it as skipped with this reason, in one line, rather than as an error or a pass.
    /// </summary>
    /// <param name="facts">The planned story.</param>
    /// <returns>The reason, as the end of a sentence ("it checks …"), or null.</returns>
    public virtual string? NotApplicable(StoryFacts facts) => null;

    /// <summary>Checks the requirement against the evidence.</summary>
    /// <param name="evidence">The story's run and target.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The result.</returns>
    public abstract ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public override string ToString() => Statement;
}
