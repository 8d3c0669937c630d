using Reqnroll.Tracing;

namespace SecureReqs.Runner;

/// <summary>Sends Reqnroll's step and tool output to a host-supplied sink.</summary>
/// <remarks>It is an <see cref="IThreadSafeTraceListener"/> so that Reqnroll calls it synchronously on the scenario's
/// own thread even when several test workers run: Reqnroll otherwise queues trace lines to a background thread, which
/// loses per-test output capture such as xUnit's <c>TestContext</c>. The sink must be thread-safe.</remarks>
internal sealed class SinkTraceListener(Action<string>? sink) : IThreadSafeTraceListener
{
    public void WriteTestOutput(string message) => sink?.Invoke(message);

    public void WriteToolOutput(string message) => sink?.Invoke("-> " + message);
}
