namespace SecureReqs;

/// <summary>
/// One judge: the rule of one oracle for deciding whether a case's answers (and, for agents, its tool calls and
/// retrievals) compromise it. Every oracle a dataset can name is one judge, found by that name in a
/// <see cref="JudgeRegistry"/>; users add their own with <see cref="JudgeRegistry.Add"/>. A judge can be used on its own,
/// outside any story: build a <see cref="JudgeInput"/> and call <see cref="JudgeAsync"/>.
/// </summary>
/// <remarks>Implementations must be thread-safe: a run judges many cases at once.</remarks>
public interface ICaseJudge
{
    /// <summary>The oracle name datasets use for this judge, such as <c>no-leak</c>.</summary>
    string Oracle { get; }

    /// <summary>Whether the verdicts come from fixed rules or from a model; a model's verdicts are labelled as such in evidence.</summary>
    JudgeMethod Method { get; }

    /// <summary>What compromises the case.</summary>
    /// <param name="input">The case, its answers, what it did, and what the judges know about the target.</param>
    /// <param name="cancellationToken">Cancels the judgement (a model judge's request).</param>
    /// <returns>The findings; empty when the attack did not reach its goal.</returns>
    /// <exception cref="UnjudgeableException">The judge cannot decide: it needs something the target does not declare, or a
    /// model judge gave no usable verdict. The case is then <see cref="Outcome.Unjudgeable"/>, never a pass.</exception>
    ValueTask<IReadOnlyList<JudgeFinding>> JudgeAsync(JudgeInput input, CancellationToken cancellationToken = default);
}
