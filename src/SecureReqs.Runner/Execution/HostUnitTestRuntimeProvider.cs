using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace SecureReqs.Runner;

/// <summary>Reqnroll's mandatory unit test runtime provider, delegating to the host's <see cref="UnitTestRuntimeBehavior"/>.</summary>
internal sealed class HostUnitTestRuntimeProvider(UnitTestRuntimeBehavior behavior) : IUnitTestRuntimeProvider
{
    public const string Name = "securereqs";

    public void TestPending(string message) => throw behavior.CreatePendingException(message);

    public void TestInconclusive(string message) => throw behavior.CreateInconclusiveException(message);

    public void TestIgnore(string message) => throw behavior.CreateIgnoreException(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => behavior.DetectExecutionStatus(exception);
}
