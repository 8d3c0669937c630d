using System.Diagnostics;
using System.Globalization;

namespace SecureReqs.Benchmarks;

/// <summary>
/// <c>pii-file</c>: where the time of <c>securereqs scan pii</c> goes beyond the scanner, in this process: the file scanned
/// as the command scans it (<see cref="PiiFileScanner.ScanToJsonLinesAsync"/>, output discarded) round after round, the
/// first round cold (JIT included); the lines read alone; the scanner alone on the lines held in memory; with the CPU time
/// of each, the bytes allocated and the garbage collections.
/// </summary>
/// <remarks>Process CPU time (user and system, all threads), not wall time.</remarks>
internal static class PiiFileThroughput
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Runs the measurement on <paramref name="path"/> and prints one line per step.</summary>
    /// <param name="path">A text file, such as one written by <c>pii-corpus</c>.</param>
    /// <param name="rounds">How many rounds of each step.</param>
    public static void Run(string path, int rounds)
    {
        var megabytes = new FileInfo(path).Length / 1e6;
        var scanner = new PiiFileScanner(PiiScanner.Default);
        for (var r = 0; r < rounds; r++)
        {
            Measure(r == 0 ? "scan-to-json (cold)" : "scan-to-json", megabytes, () =>
                scanner.ScanToJsonLinesAsync(path, null, TextWriter.Null).GetAwaiter().GetResult());
        }

        for (var r = 0; r < rounds; r++)
        {
            Measure("read lines", megabytes, () => ReadLines(path).GetAwaiter().GetResult());
        }

        var lines = File.ReadAllLines(path);
        for (var r = 0; r < rounds; r++)
        {
            Measure("scanner alone", megabytes, () =>
            {
                var findings = 0;
                foreach (var line in lines)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        findings += PiiScanner.Default.Scan(line).Count;
                    }
                }

                return findings;
            });
        }
    }

    private static async Task<int> ReadLines(string path)
    {
        var count = 0;
        await foreach (var (_, text) in DataFileLines.ReadAsync(path, null, CancellationToken.None).ConfigureAwait(false))
        {
            count += text.Length > 0 ? 1 : 0;
        }

        return count;
    }

    private static void Measure(string what, double megabytes, Func<int> work)
    {
        var process = Process.GetCurrentProcess();
        var collections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes();
        process.Refresh();
        var before = process.TotalProcessorTime;
        var result = work();
        process.Refresh();
        var seconds = (process.TotalProcessorTime - before).TotalSeconds;
        Console.WriteLine(string.Create(C,
            $"pii-file {what,-20}: {megabytes:0.00} MB, {result} results, {seconds:0.000} CPU-s = {megabytes / seconds,6:0.0} MB per CPU-second, {(GC.GetTotalAllocatedBytes() - allocated) / 1e6,7:0.0} MB allocated, {GC.CollectionCount(0) - collections} gen0 GCs"));
    }
}
