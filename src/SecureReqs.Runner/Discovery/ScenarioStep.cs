namespace SecureReqs.Runner;

/// <summary>One step of a compiled scenario: Background, Rule Background and scenario steps, placeholders substituted.</summary>
internal sealed record ScenarioStep(
    StepKind Kind,
    string Keyword,
    string Text,
    string? DocString,
    IReadOnlyList<IReadOnlyList<string>>? DataTable,
    int Line)
{
    /// <summary>Gets the step as written in the feature, for example <c>Given the user is "admin"</c>.</summary>
    public string Display => $"{Keyword.Trim()} {Text}";
}
