using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SecureReqs.Benchmarks;

/// <summary>
/// Each pattern of the pattern stage run alone over every dataset text's folded shadow, ungated: the cost of its first
/// pass (construction and automaton growth, with the bytes it allocated) and of a second pass (warm), to find the patterns
/// that dominate; or, with
/// <c>prefilters</c>, each pattern's literal prefilter (<see cref="RegexPrefilter"/>), how many texts it rejects, and any
/// rejected text the pattern matches (there must be none).
/// </summary>
internal static class InjectionPatternCosts
{
    public static void Run(string datasets, int top, bool prefilters, string order = "first")
    {
        if (prefilters)
        {
            var raws = InjectionCorpus.Texts(datasets).ToArray();
            var texts2 = raws.Concat(raws.Select(t => InjectionText.Fold(t).Shadow)).ToArray();
            int filtered = 0, violations = 0;
            long runs = 0, skipped = 0;
            foreach (var method in typeof(PromptInjectionDetector).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0))
            {
                var attribute = method.GetCustomAttribute<GeneratedRegexAttribute>();
                if (attribute is null)
                {
                    continue;
                }

                var filter = RegexPrefilter.For(attribute.Pattern, attribute.Options);
                if (filter.Literals is null)
                {
                    Console.WriteLine($"none  {method.DeclaringType!.Name}.{method.Name}");
                    continue;
                }

                filtered++;
                var regex = (Regex)method.Invoke(null, null)!;
                foreach (var t in texts2)
                {
                    runs++;
                    var may = filter.MayMatch(t);
                    skipped += may ? 0 : 1;
                    if (!may && regex.IsMatch(t))
                    {
                        violations++;
                        Console.WriteLine($"VIOLATION {method.Name}: {t[..Math.Min(80, t.Length)]}");
                    }
                }

                Console.WriteLine($"{filtered,3} {method.DeclaringType!.Name}.{method.Name}: {string.Join(" | ", filter.Literals.Take(12))}{(filter.Literals.Count > 12 ? $" ... ({filter.Literals.Count})" : "")}");
            }

            Console.WriteLine($"{filtered} patterns filtered, {violations} violations, {skipped} of {runs} pattern runs rejected");
            return;
        }

        var shadows = InjectionCorpus.Texts(datasets).Select(t => InjectionText.Fold(t).Shadow).ToArray();
        var bytes = shadows.Sum(s => (long)s.Length);
        var built = 0.0;
        var rebuilt = 0.0;
        var regrown = 0.0;
        var rows = new List<(string Name, double First, double Second, int Hits, long Allocated, double Build)>();
        foreach (var type in typeof(PromptInjectionDetector).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0))
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var regex = (Regex)method.Invoke(null, null)!;
                regex.IsMatch("");
                built += watch.Elapsed.TotalMilliseconds;
                var hits = Pass(regex, shadows);
                var first = watch.Elapsed.TotalMilliseconds;
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                watch.Restart();
                Pass(regex, shadows);
                var second = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var again = LinearRegex.Large(regex.ToString(), regex.Options);
                again.IsMatch("");
                var build = watch.Elapsed.TotalMilliseconds;
                rebuilt += build;
                watch.Restart();
                Pass(again, shadows);
                regrown += watch.Elapsed.TotalMilliseconds;
                rows.Add(($"{type.Name}.{method.Name}", first, second, hits, allocated, build));
            }
        }

        foreach (var method in typeof(PromptInjectionDetector).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)).Where(m => m.ReturnType == typeof(ContextRegex) && m.GetParameters().Length == 0))
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var context = (ContextRegex)method.Invoke(null, null)!;
            var watch = Stopwatch.StartNew();
            var hits = shadows.Sum(s => context.Matches(s).Count());
            var first = watch.Elapsed.TotalMilliseconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            watch.Restart();
            shadows.Sum(s => context.Matches(s).Count());
            rows.Add(($"{method.DeclaringType!.Name}.{method.Name} (context)", first, watch.Elapsed.TotalMilliseconds, hits, allocated, double.NaN));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shadows.Length} shadows, {bytes:N0} characters; {rows.Count} patterns; first pass total {rows.Sum(r => r.First):F0} ms (construction and one empty match {built:F0} ms), second {rows.Sum(r => r.Second):F0} ms; allocated in first passes {rows.Sum(r => r.Allocated) / 1e6:F0} MB; built again {rebuilt:F0} ms, its first pass {regrown:F0} ms"));
        Console.WriteLine("first ms  second ms   hits  allocated   built again ms  pattern");
        foreach (var row in rows.OrderByDescending(r => order == "build" ? (double.IsNaN(r.Build) ? -1 : r.Build) : r.First).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.First,9:F1} {row.Second,9:F1} {row.Hits,6} {row.Allocated / 1e6,8:F1} MB {row.Build,9:F1}  {row.Name}"));
        }
    }

    /// <summary>
    /// Builds every generated pattern of the detector's assembly anew, <paramref name="rounds"/> times, and prints each
    /// round's CPU time, bytes allocated and gen0 collections. The first round includes the JIT of the regex library;
    /// later rounds are the construction alone.
    /// </summary>
    public static void Build(int rounds)
    {
        var patterns = typeof(PromptInjectionDetector).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0)
            .Select(m => m.GetCustomAttribute<GeneratedRegexAttribute>())
            .OfType<GeneratedRegexAttribute>()
            .ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            var collections = GC.CollectionCount(0);
            var seconds = CpuTime.Of(() =>
            {
                foreach (var attribute in patterns)
                {
                    new Regex(attribute.Pattern, attribute.Options).IsMatch("");
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"injection-build round {round}: {patterns.Length} patterns built in {seconds:0.000} CPU-s ({seconds * 1000 / patterns.Length:0.0} ms each), {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:0} MB allocated ({(GC.GetTotalAllocatedBytes() - allocated) / 1e6 / patterns.Length:0.0} MB each), {GC.CollectionCount(0) - collections} gen0 GCs"));
        }
    }

    private static int Pass(Regex regex, string[] shadows)
    {
        var hits = 0;
        foreach (var s in shadows)
        {
            for (var m = regex.Match(s); m.Success; m = m.NextMatch())
            {
                hits++;
            }
        }

        return hits;
    }
}
