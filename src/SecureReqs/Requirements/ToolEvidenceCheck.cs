namespace SecureReqs;

/// <summary>An absolute check over the tool calls and retrievals of each case (LLM06, LLM08, agentic T2–T3).</summary>
public abstract class ToolEvidenceCheck : AbsoluteCheck
{
    /// <inheritdoc/>
    protected override string OffenderLabel => "cases that did";

    /// <summary>The fix for a target with no tool policy, in the words of where the target comes from.</summary>
    /// <param name="target">The target.</param>
    /// <returns>The sentence.</returns>
    public static string DeclarePolicy(TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind is "openai" or "http"
            ? $"The target \"{target.Name}\" declares no tool policy, so its tool calls cannot be judged. Declare its policy for the \"{target.Name}\" target in securereqs.json (see docs/agents.md)."
            : $"The target \"{target.Name}\" declares no tool policy, so its tool calls cannot be judged. Set ToolPolicy on its TargetDefinition where it is registered (see docs/agents.md).";
    }

    /// <inheritdoc/>
    public override IEnumerable<string> Preflight(StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Target is { ToolPolicy: null } target)
        {
            yield return DeclarePolicy(target);
        }
    }

    /// <summary>The target's policy.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="SecureReqsException">The target declares none.</exception>
    protected static ToolPolicy PolicyOf(StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var target = evidence.Target ?? throw new SecureReqsException("No target chosen: add a step 'Given the target \"<name>\"'.");
        return target.ToolPolicy ?? throw new SecureReqsException(DeclarePolicy(target));
    }

    /// <summary>Clips a call's arguments for a message.</summary>
    /// <param name="text">The arguments.</param>
    /// <returns>At most 120 characters.</returns>
    protected static string Clip(string text) => ArgumentText.Clip(text, 120);
}
