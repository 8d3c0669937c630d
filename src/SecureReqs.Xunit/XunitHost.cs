using System.Collections.Concurrent;
using System.Reflection;
using Reqnroll;
using SecureReqs.Runner;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace SecureReqs.Xunit;

/// <summary>One Reqnroll session per test assembly, shared by its test classes, started and ended by
/// <see cref="FeatureTestRunFixture"/>.</summary>
internal static class XunitHost
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<ReqnrollSession>> s_sessions = new();

    public static UnitTestRuntimeBehavior Behavior { get; } = new()
    {
        CreatePendingException = message => new ScenarioFailedException(message),
        CreateInconclusiveException = SkipException.ForSkip,
        CreateIgnoreException = SkipException.ForSkip,
        DetectExecutionStatus = exception => exception is SkipException ? ScenarioExecutionStatus.Skipped : null,
    };

    public static async Task<ReqnrollSession> GetStartedSessionAsync(Assembly testAssembly)
    {
        var session = s_sessions.GetOrAdd(testAssembly, assembly => new Lazy<ReqnrollSession>(() => CreateSession(assembly))).Value;
        await session.StartAsync().ConfigureAwait(false);
        return session;
    }

    public static async Task EndAsync(Assembly testAssembly)
    {
        if (s_sessions.TryRemove(testAssembly, out var session) && session.IsValueCreated)
        {
            await session.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static Assembly CurrentTestAssembly()
    {
        var context = TestContext.Current;
        return (context.TestAssembly as IXunitTestAssembly)?.Assembly
            ?? (context.TestMethod as IXunitTestMethod)?.Method.DeclaringType?.Assembly
            ?? throw new InvalidOperationException("SecureReqs.Xunit runs scenarios from inside an xUnit v3 test only.");
    }

    private static ReqnrollSession CreateSession(Assembly testAssembly) => ReqnrollSession.Create(new SessionOptions
    {
        TestAssembly = testAssembly,
        Output = WriteToCurrentTest,
        Behavior = Behavior,
    });

    private static void WriteToCurrentTest(string line)
    {
        try
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // Output outside a running test (for example from [AfterTestRun]) has no test to go to.
        }
    }
}
