using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecureReqs.Benchmarks;

/// <summary>
/// <c>pii-throughput</c>, <c>pii-corpus</c> and <c>pii-findings</c>: the PII scanner's speed in megabytes (UTF-8) per
/// CPU-second of the whole process, its time per character as inputs grow, the generated files the CLI is measured on,
/// and a dump of every finding to compare before and after a change.
/// </summary>
/// <remarks>Process CPU time (user and system, all threads), not wall time: other work on a shared machine does not count.</remarks>
internal static class PiiThroughput
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Runs the throughput measurement and prints it.</summary>
    /// <param name="rounds">How many times each corpus is scanned after the warm-up.</param>
    public static void Run(int rounds)
    {
        var scanner = PiiScanner.Default;
        foreach (var kind in new[] { "mixed", "prose", "dense" })
        {
            // As scan pii reads a text file: each line one scan.
            var text = PiiCorpus.Of(kind, 4_000_000);
            var lines = text.Split('\n');
            var bytes = Encoding.UTF8.GetByteCount(text);
            // Warm-up: at least two passes and four CPU-seconds, so that the measured rounds run the JIT's final tier. With
            // dynamic PGO the mixed corpus needs that long: after one CPU-second its rounds still ran at 13-30 MB per
            // CPU-second, reaching a steady 40-43 about 2.5 CPU-seconds later (2026-12-04).
            var findings = 0;
            foreach (var line in lines)
            {
                findings += scanner.Scan(line).Count;
            }

            var warm = 0.0;
            for (var pass = 1; pass < 2 || warm < 4.0; pass++)
            {
                warm += CpuTime.Of(() =>
                {
                    foreach (var line in lines)
                    {
                        scanner.Scan(line);
                    }
                });
            }

            // Each round timed alone: the whole (every round's CPU time) and the median round, which a late
            // recompilation or a collection in one round does not move.
            var perRound = new double[rounds];
            for (var r = 0; r < rounds; r++)
            {
                perRound[r] = CpuTime.Of(() =>
                {
                    foreach (var line in lines)
                    {
                        scanner.Scan(line);
                    }
                });
            }

            var seconds = perRound.Sum();
            var median = perRound.Order().ElementAt(rounds / 2);
            Console.WriteLine(string.Create(C, $"pii-throughput {kind,-5}: {bytes / 1e6:0.00} MB in {lines.Length} lines ({findings} findings) x {rounds} rounds in {seconds:0.00} CPU-s = {bytes * (double)rounds / 1e6 / seconds:0.0} MB per CPU-second (median round {bytes / 1e6 / median:0.0})"));
        }

        // Where the time goes: a scanner for one type at a time on the mixed corpus.
        var mixedLines = PiiCorpus.Mixed(4_000_000).Split('\n');
        var mixedBytes = Encoding.UTF8.GetByteCount(PiiCorpus.Mixed(4_000_000));
        var byType = new StringBuilder("pii-by-type    mixed:");
        foreach (var type in PiiType.All)
        {
            var single = new PiiScanner([type]);
            foreach (var line in mixedLines)
            {
                single.Scan(line);
            }

            var seconds = CpuTime.Of(() =>
            {
                for (var r = 0; r < rounds; r++)
                {
                    foreach (var line in mixedLines)
                    {
                        single.Scan(line);
                    }
                }
            });
            byType.Append(string.Create(C, $"  {type.Name} {mixedBytes * (double)rounds / 1e6 / seconds:0} MB/CPU-s"));
        }

        Console.WriteLine(byType);

        // Linearity: one scan of the whole text at three sizes; the time per character must stay flat.
        foreach (var kind in new[] { "mixed", "prose", "dense" })
        {
            var row = new StringBuilder(string.Create(C, $"pii-linearity  {kind,-5}:"));
            foreach (var length in new[] { 10_000, 100_000, 1_000_000 })
            {
                var text = PiiCorpus.Of(kind, length);
                scanner.Scan(text);
                var repeat = Math.Max(1, rounds * 4_000_000 / length);
                var seconds = CpuTime.Of(() =>
                {
                    for (var r = 0; r < repeat; r++)
                    {
                        scanner.Scan(text);
                    }
                });
                row.Append(string.Create(C, $"  {length / 1000} kB {seconds * 1e9 / ((double)length * repeat):0.0} ns/char"));
            }

            Console.WriteLine(row);
        }
    }

    /// <summary>Writes a generated corpus file (<c>mixed</c>, <c>dense</c> or <c>prose</c>) of <paramref name="megabytes"/> million characters.</summary>
    public static void WriteCorpus(string kind, int megabytes, string path)
    {
        File.WriteAllText(path, PiiCorpus.Of(kind, megabytes * 1_000_000), new UTF8Encoding(false));
        Console.WriteLine(string.Create(C, $"{path}: {new FileInfo(path).Length / 1e6:0.00} MB of {kind}"));
    }

    /// <summary>
    /// Writes every finding (source, span, type, validator, confidence and a hash of the value, never the value) of the
    /// seeded corpora and of every file under <paramref name="folders"/> (whole text, each line, and each JSON string
    /// value), so two builds can be compared with <c>diff</c>.
    /// </summary>
    public static void DumpFindings(string output, IEnumerable<string> folders)
    {
        var scanner = PiiScanner.Default;
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
        var count = 0;
        void Dump(string source, string text)
        {
            foreach (var f in scanner.Scan(text))
            {
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(f.Value)))[..16];
                writer.WriteLine(string.Create(C, $"{source}\t{f.Start}\t{f.End}\t{f.Type.Name}\t{f.Validator}\t{f.Confidence:0.00}\t{hash}"));
                count++;
            }
        }

        foreach (var kind in new[] { "mixed", "prose", "dense" })
        {
            var text = PiiCorpus.Of(kind, 1_000_000);
            Dump(kind + ":whole", text);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                Dump(string.Create(C, $"{kind}:{i + 1}"), lines[i]);
            }
        }

        // Other seeds of the mixed corpus, short texts (many starts and ends of text).
        for (var seed = 1; seed <= 2000; seed++)
        {
            Dump(string.Create(C, $"mixed-seed-{seed}"), PiiCorpus.Mixed(300 + (seed * 7 % 900), seed));
        }

        foreach (var folder in folders)
        {
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    continue;
                }

                Dump(file, text);
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    Dump(string.Create(C, $"{file}:{i + 1}"), lines[i]);
                    if (lines[i].StartsWith('{'))
                    {
                        try
                        {
                            using var doc = JsonDocument.Parse(lines[i]);
                            var n = 0;
                            foreach (var value in Strings(doc.RootElement))
                            {
                                Dump(string.Create(C, $"{file}:{i + 1}:json{n++}"), value);
                            }
                        }
                        catch (JsonException)
                        {
                            // Not a JSON line: scanned as text above.
                        }
                    }
                }
            }
        }

        Console.WriteLine(string.Create(C, $"{output}: {count} findings"));
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var value in Strings(property.Value))
                    {
                        yield return value;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var value in Strings(item))
                    {
                        yield return value;
                    }
                }

                break;
            default:
                break;
        }
    }
}
