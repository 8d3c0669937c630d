namespace SecureReqs.Runner;

/// <summary>Thrown by the command-line host's unit test provider for a pending or undefined step.</summary>
internal sealed class ScenarioPendingException(string message) : Exception(message);
