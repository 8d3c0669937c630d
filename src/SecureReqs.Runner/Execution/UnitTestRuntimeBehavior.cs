using Reqnroll;

namespace SecureReqs.Runner;

/// <summary>What a host test framework does when Reqnroll asks for a pending, inconclusive or ignored scenario.</summary>
/// <remarks>Each host supplies its own exception types: xUnit throws its skip exception for an ignore, the
/// command-line host throws the runner's own exceptions. Immutable and thread-safe.</remarks>
internal sealed class UnitTestRuntimeBehavior
{
    /// <summary>Gets the behaviour of the command-line host, which needs no test framework.</summary>
    public static UnitTestRuntimeBehavior Default { get; } = new()
    {
        CreatePendingException = message => new ScenarioPendingException(message),
        CreateInconclusiveException = message => new ScenarioPendingException(message),
        CreateIgnoreException = message => new ScenarioSkippedException(message),
        DetectExecutionStatus = exception => exception switch
        {
            ScenarioSkippedException => ScenarioExecutionStatus.Skipped,
            ScenarioPendingException => ScenarioExecutionStatus.StepDefinitionPending,
            _ => null,
        },
    };

    public required Func<string, Exception> CreatePendingException { get; init; }

    public required Func<string, Exception> CreateInconclusiveException { get; init; }

    public required Func<string, Exception> CreateIgnoreException { get; init; }

    /// <summary>Gets the mapping of exceptions thrown by bindings to a Reqnroll status; <see langword="null"/> = an ordinary error.</summary>
    public Func<Exception, ScenarioExecutionStatus?> DetectExecutionStatus { get; init; } = _ => null;
}
