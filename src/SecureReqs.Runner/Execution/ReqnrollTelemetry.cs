namespace SecureReqs.Runner;

/// <summary>Keeps Reqnroll's usage telemetry off unless the user decided otherwise.</summary>
/// <remarks>Reqnroll's <c>EnvironmentReqnrollTelemetryChecker</c> treats the variable as enabled when it is unset or
/// <c>1</c>, and reads it every time an event would be sent; setting it to <c>0</c> before the test run starts
/// therefore disables every telemetry event of the process. A value the user set is respected.</remarks>
internal static class ReqnrollTelemetry
{
    public const string EnvironmentVariable = "REQNROLL_TELEMETRY_ENABLED";

    public static void DisableUnlessConfigured() =>
        DisableUnlessConfigured(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);

    public static void DisableUnlessConfigured(Func<string, string?> getVariable, Action<string, string> setVariable)
    {
        if (getVariable(EnvironmentVariable) is null)
        {
            setVariable(EnvironmentVariable, "0");
        }
    }
}
