namespace SecureReqs.Runner;

/// <summary>What happened when a session ran one scenario; <see cref="Error"/> is the original exception a host may rethrow.</summary>
internal sealed record ScenarioOutcome(ScenarioRunStatus Status, string? Message, Exception? Error, TimeSpan Duration)
{
    /// <summary>The step that failed or has no definition (as written, without keyword), or null.</summary>
    public string? StepText { get; init; }

    public static ScenarioOutcome Passed(TimeSpan duration) => new(ScenarioRunStatus.Passed, null, null, duration);
}
