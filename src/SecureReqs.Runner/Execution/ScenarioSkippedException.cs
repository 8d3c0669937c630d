namespace SecureReqs.Runner;

/// <summary>Thrown by the command-line host's unit test provider when Reqnroll asks to ignore a scenario.</summary>
internal sealed class ScenarioSkippedException(string message) : Exception(message);
