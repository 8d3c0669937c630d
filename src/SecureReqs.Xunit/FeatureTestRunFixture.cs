using System.Reflection;
using Xunit;

namespace SecureReqs.Xunit;

/// <summary>The assembly fixture that starts the Reqnroll test run before the first scenario (<c>[BeforeTestRun]</c>)
/// and ends it after the last (<c>[AfterFeature]</c> of the last features, <c>[AfterTestRun]</c>, reports).</summary>
/// <remarks>Registered by <see cref="FeatureTestRunAttribute"/>; not meant to be used directly.</remarks>
public sealed class FeatureTestRunFixture : IAsyncLifetime
{
    private Assembly? _testAssembly;

    /// <summary>Starts the test run of the current test assembly.</summary>
    /// <returns>A task that completes when the <c>[BeforeTestRun]</c> hooks ran.</returns>
    public async ValueTask InitializeAsync()
    {
        _testAssembly = XunitHost.CurrentTestAssembly();
        await XunitHost.GetStartedSessionAsync(_testAssembly).ConfigureAwait(false);
    }

    /// <summary>Ends the test run: remaining <c>[AfterFeature]</c> hooks, <c>[AfterTestRun]</c> hooks, reports.</summary>
    /// <returns>A task that completes when the run ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_testAssembly is not null)
        {
            await XunitHost.EndAsync(_testAssembly).ConfigureAwait(false);
        }
    }
}
