namespace SecureReqs;

/// <summary>A requirement judged on the answers of the story's run, synchronously.</summary>
public abstract class RunRequirement : StoryRequirement
{
    /// <inheritdoc/>
    public sealed override ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var run = evidence.Run ?? throw new SecureReqsException($"\"{Statement}\" is judged on answers, but the story sent no cases: add the step 'When the cases are sent to the target'.");
        return ValueTask.FromResult(Evaluate(run, evidence));
    }

    /// <summary>Checks the requirement against a run.</summary>
    /// <param name="run">The run (the poisoned run in a poisoning comparison).</param>
    /// <param name="evidence">Everything else the story knows.</param>
    /// <returns>The result.</returns>
    public abstract RequirementResult Evaluate(RunResult run, StoryEvidence evidence);
}
