namespace SecureReqs.Runner;

/// <summary>What happened when a session ran one scenario; <see cref="Error"/> is the original exception a host may rethrow.</summary>
internal sealed record ScenarioOutcome(ScenarioRunStatus Status, string? Message, Exception? Error, TimeSpan Duration)
{
    public static ScenarioOutcome Passed(TimeSpan duration) => new(ScenarioRunStatus.Passed, null, null, duration);
}
