using System.Text;
using BenchmarkDotNet.Attributes;

namespace SecureReqs.Benchmarks;

/// <summary>
/// Throughput of <see cref="PiiScanner"/> (what <c>securereqs scan pii</c> and the redaction guardrail run) on 1 MB of
/// support-chat text, with values in the formats and regions the scanner must recognise and look-alikes it must reject.
/// </summary>
/// <remarks>
/// Read the mean as seconds per MB: 1 MB in 33 ms is the 30 MB per CPU-second target. <see cref="Length"/> shows the time
/// per character stays flat as inputs grow (the scan is linear). The text is written here, not taken from an evaluation set.
/// </remarks>
[MemoryDiagnoser]
public class PiiScanBenchmarks
{
    private static readonly string[] _sentences =
    [
        "Hi, I ordered running shoes last Tuesday (order 48213) and the tracking page still says the parcel is at the depot. ",
        "Could you call me back on (415) 555-2671 or on my mobile 07700 900123 before Friday? ",
        "The card ending 1111 was charged twice: 4111 1111 1111 1111, on 2024-01-15 at 10:30 and again at 14:05. ",
        "My e-mail is jane.doe@example.com and my partner's is 李.王@example.cn. ",
        "Invoice 2024-0001-7781 totals $1,234.50 for 3 items; version 10.0.19045 of the app was installed on 192.168.1.20. ",
        "Our Paris office is on +33 1 42 68 53 00, Berlin on 030 12345678 and Mumbai on +91 98765 43210. ",
        "Please refund to IBAN GB82 WEST 1234 5698 7654 32 rather than the card. ",
        "The size guide says 42 but I usually wear 41.5 in other brands, so which size would you recommend? ",
        "Thanks a lot for your help, and have a great weekend!\n",
    ];

    private string _text = "";

    /// <summary>The input length in characters.</summary>
    [Params(100_000, 1_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = new StringBuilder(Length + 512);
        for (var i = 0; builder.Length < Length; i++)
        {
            builder.Append(_sentences[i % _sentences.Length]);
        }

        _text = builder.ToString(0, Length);
        PiiScanner.Default.Scan(_text);
    }

    [Benchmark(Description = "PiiScanner.Default.Scan (default regions)")]
    public IReadOnlyList<PiiFinding> Scan() => PiiScanner.Default.Scan(_text);

    [Benchmark(Description = "PiiScanner.Default.Scan, line by line (as scan pii reads a text file)")]
    public int ScanLines()
    {
        var count = 0;
        foreach (var line in _text.AsSpan().EnumerateLines())
        {
            count += PiiScanner.Default.Scan(line.ToString()).Count;
        }

        return count;
    }
}
