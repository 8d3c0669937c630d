namespace SecureReqs;

/// <summary>The semantic judge a story chose, resolved: its definition, the target serving its model, and its verified calibration set.</summary>
/// <param name="Definition">The judge as declared.</param>
/// <param name="Model">The target that serves the judging model.</param>
/// <param name="Calibration">The verified calibration dataset.</param>
public sealed record StoryJudge(SemanticJudgeDefinition Definition, TargetDefinition Model, Dataset Calibration)
{
    /// <summary>The judge's name.</summary>
    public string Name => Definition.Name;
}
