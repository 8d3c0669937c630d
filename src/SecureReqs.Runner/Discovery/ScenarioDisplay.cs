namespace SecureReqs.Runner;

/// <summary>Formats the readable names shared by the runner results and the xUnit display names.</summary>
internal static class ScenarioDisplay
{
    public static string Format(string featureName, string scenarioName, string? example)
    {
        var scenario = Label(scenarioName, example);
        return featureName.Length == 0 ? scenario : $"{featureName}: {scenario}";
    }

    public static string Label(string scenarioName, string? example) =>
        example is null ? scenarioName : $"{scenarioName} [{example}]";
}
