namespace SecureReqs;

/// <summary>What a requirement is judged on: the story's run, the comparison run of a poisoning story, and the target.</summary>
/// <param name="Run">The run, or null for a story that sends no cases (data checks).</param>
/// <param name="Target">The target, or null for a story without one.</param>
public sealed record StoryEvidence(RunResult? Run, TargetDefinition? Target)
{
    /// <summary>The run without the poisoned documents, in a poisoning comparison; null otherwise.</summary>
    public RunResult? Baseline { get; init; }

    /// <summary>The semantic judge the story chose, or null.</summary>
    public StoryJudge? Judge { get; init; }

    /// <summary>The story's seed: samples of cases kept as evidence are drawn with it.</summary>
    public int Seed { get; init; }

    /// <summary>What the judges know about the target.</summary>
    public JudgeContext Context => Target is null ? JudgeContext.None : JudgeContext.Of(Target);
}
