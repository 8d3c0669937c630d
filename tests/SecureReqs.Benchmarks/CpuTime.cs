using System.Diagnostics;

namespace SecureReqs.Benchmarks;

/// <summary>CPU time of this process, the measure every throughput command here reports (wall time is noisy on a shared machine).</summary>
internal static class CpuTime
{
    /// <summary>The CPU-seconds this process spent, on all its threads, while <paramref name="work"/> ran.</summary>
    public static double Of(Action work)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        work();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }
}
