namespace SecureReqs.Runner;

/// <summary>The outcome of one Scenario or one Scenario Outline example row.</summary>
public enum ScenarioRunStatus
{
    /// <summary>Every step ran and passed.</summary>
    Passed,

    /// <summary>A step, a hook or the feature file itself failed; the message says which and why.</summary>
    Failed,

    /// <summary>The scenario did not run: it is tagged <c>@ignore</c> or a binding skipped it.</summary>
    Skipped,

    /// <summary>A step has no matching step definition; the message carries the binding skeleton to paste.</summary>
    Undefined,

    /// <summary>A step definition reported itself as pending (for example with <c>ScenarioContext.Pending()</c>).</summary>
    Pending,
}
