namespace SecureReqs;

/// <summary>
/// A requirement judged on the answers of the story's run, one case at a time: <see cref="Observe"/> returns an
/// observer that sees every case as it finishes and keeps only counts and a bounded sample, so a story's memory stays
/// flat however many cases it sends.
/// </summary>
public abstract class RunRequirement : StoryRequirement
{
    /// <inheritdoc/>
    public sealed override ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var run = evidence.Run ?? throw new SecureReqsException($"\"{Statement}\" is judged on answers, but the story sent no cases: add the step 'When the cases are sent to the target'.");
        return ValueTask.FromResult(Evaluate(run, evidence));
    }

    /// <summary>Checks the requirement against a run that kept its cases.</summary>
    /// <param name="run">The run (the poisoned run in a poisoning comparison).</param>
    /// <param name="evidence">Everything else the story knows.</param>
    /// <returns>The result.</returns>
    /// <exception cref="SecureReqsException">The run streamed its cases without keeping them: observe them as they finish instead.</exception>
    public RequirementResult Evaluate(RunResult run, StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(evidence);
        if (run.Cases.Count != run.CaseCount)
        {
            throw new SecureReqsException($"\"{Statement}\" cannot be checked after the run: the run kept {run.Cases.Count} of its {run.CaseCount} cases (SecurityRunOptions.KeepCases is off). Observe the cases as they finish (RunRequirement.Observe) instead.");
        }

        var observer = Observe(evidence);
        foreach (var result in run.Cases)
        {
            observer.Add(result);
        }

        return observer.Finish(run, evidence);
    }

    /// <summary>Starts observing a run's cases.</summary>
    /// <param name="evidence">What the story knows before the run (its target, judge and seed).</param>
    /// <returns>An observer for one run.</returns>
    public abstract RunObserver Observe(StoryEvidence evidence);

    /// <summary>Whether the requirement's observers can save their state and merge other shards' (<c>--shard</c>,
    /// <c>securereqs merge</c>): every requirement of the engine can; one added elsewhere says so by overriding this.</summary>
    public virtual bool Shardable => false;
}
