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
            foreach (var method in typeof(PromptInjectionDetector).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.Name.EndsWith("Backtracking", StringComparison.Ordinal)))
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
            foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.Name.EndsWith("Backtracking", StringComparison.Ordinal)))
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

        foreach (var method in typeof(PromptInjectionDetector).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)).Where(m => m.ReturnType == typeof(ContextRegex) && m.GetParameters().Length == 0 && !m.Name.EndsWith("Backtracking", StringComparison.Ordinal)))
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
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.Name.EndsWith("Backtracking", StringComparison.Ordinal))
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

    /// <summary>
    /// Patterns read from a file, one per line (a line <c>= Name</c> stands for the pattern constant <c>Name</c> of
    /// the detector's assembly), each built with the shadow options and run over the dataset texts' shadows: build, first
    /// and second pass, bytes allocated, matches, and a fingerprint of the match spans, so that a rewritten pattern can be
    /// compared with the one it replaces without a rebuild.
    /// </summary>
    public static void Try(string file, string datasets)
    {
        var shadows = InjectionCorpus.Texts(datasets).Select(t => InjectionText.Fold(t).Shadow).ToArray();
        var constants = typeof(PromptInjectionDetector).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .GroupBy(f => f.Name)
            .ToDictionary(g => g.Key, g => (string)g.First().GetRawConstantValue()!);
        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;
        var generated = typeof(PromptInjectionDetector).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(m => (m.Name, Attribute: m.GetCustomAttribute<GeneratedRegexAttribute>()))
            .Where(m => m.Attribute is not null)
            .GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => g.First().Attribute!.Pattern);
        var lines = File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).SelectMany(l =>
            l.StartsWith("@ ", StringComparison.Ordinal) ? [generated[l[2..].Trim()]]
            : l.StartsWith("@@ ", StringComparison.Ordinal) ? [generated[l[3..].Trim()], .. TopLevelAlternatives(generated[l[3..].Trim()])]
            : l.StartsWith("== ", StringComparison.Ordinal) ? [constants[l[3..].Trim()], .. TopLevelAlternatives(constants[l[3..].Trim()])]
            : (IEnumerable<string>)[l]);
        foreach (var line in lines)
        {
            var pattern = line.StartsWith("= ", StringComparison.Ordinal) ? constants[line[2..].Trim()] : line;
            var filter = RegexPrefilter.For(pattern, options);
            var passed = shadows.Count(filter.MayMatch);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            Regex regex = null!;
            var build = CpuTime.Of(() => { regex = LinearRegex.Large(pattern, options); regex.IsMatch(""); });
            var hits = 0;
            var fingerprint = 17L;
            var first = CpuTime.Of(() =>
            {
                for (var i = 0; i < shadows.Length; i++)
                {
                    foreach (Match m in regex.Matches(shadows[i]))
                    {
                        hits++;
                        fingerprint = (((fingerprint * 1_000_003) ^ i) * 1_000_003 ^ m.Index) * 1_000_003 ^ m.Length;
                    }
                }
            });
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var second = CpuTime.Of(() => Pass(regex, shadows));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build {build * 1000,7:F1} ms  first {first * 1000,7:F1} ms  second {second * 1000,6:F1} ms  {allocated / 1e6,7:F1} MB  hits {hits,5}  spans {fingerprint:X16}  prefilter passes {passed,5}: {string.Join(" & ", filter.Sets.Select(set => set.Count > 6 ? $"{set.Count} words" : string.Join("|", set)))}  {line[..Math.Min(60, line.Length)]}"));
        }
    }

    /// <summary>
    /// Scans a file's lines with the detector as <c>scan injection</c> does, round after round, and charges each pattern the
    /// time the scan spent in it behind its gates (<see cref="PatternTiming"/>; building included, so the first round is
    /// a cold process's): the patterns worth gating or rewriting, by what they cost on that kind of text.
    /// </summary>
    public static void Gated(string file, int top, int rounds)
    {
        var lines = File.ReadLines(file).Where(l => l.Length > 0).ToArray();
        var detector = PromptInjectionDetector.Default;
        var names = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        for (var round = 0; round < rounds; round++)
        {
            var costs = new Dictionary<object, (long Ticks, int Runs)>(ReferenceEqualityComparer.Instance);
            PatternTiming.Observer = (pattern, ticks) =>
            {
                costs.TryGetValue(pattern, out var cost);
                costs[pattern] = (cost.Ticks + ticks, cost.Runs + 1);
            };
            var (allocated, gen0, gen2, pause) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var seconds = CpuTime.Of(() =>
            {
                foreach (var line in lines)
                {
                    detector.Assess(line, InjectionSource.User);
                }
            });
            PatternTiming.Observer = null;
            var gc = string.Create(CultureInfo.InvariantCulture, $"{(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB allocated, {GC.CollectionCount(0) - gen0} GCs ({GC.CollectionCount(2) - gen2} gen2), {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s paused");
            Name(names);
            var observed = costs.Values.Sum(c => c.Ticks) / (double)Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {lines.Length} lines, {lines.Sum(l => (long)l.Length) / 1e6:F2} MB in {seconds:F2} CPU-s; {observed:F2} s in {costs.Count} patterns run through a context; {gc}"));
            if (round == 0 || round == rounds - 1)
            {
                Console.WriteLine("      ms   runs  pattern");
                foreach (var (pattern, cost) in costs.OrderByDescending(c => c.Value.Ticks).Take(top))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cost.Ticks * 1000.0 / Stopwatch.Frequency,8:F1} {cost.Runs,6}  {(pattern is TieredRegex tier ? tier.Name : names.GetValueOrDefault(pattern, pattern.ToString()![..Math.Min(50, pattern.ToString()!.Length)]))}{(pattern is TieredRegex { Backtracking: false } or ContextRegex { Backtracking: false } ? "  (linear)" : "")}"));
                }
            }
        }
    }

    // The names of the patterns the scan has built (after the scan, so that naming builds nothing it measured).
    private static void Name(Dictionary<object, string> names)
    {
        if (names.Count > 0)
        {
            return;
        }

        foreach (var type in typeof(PromptInjectionDetector).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(m => (m.ReturnType == typeof(Regex) || m.ReturnType == typeof(ContextRegex)) && m.GetParameters().Length == 0 && !m.IsGenericMethod))
            {
                names.TryAdd(method.Invoke(null, null)!, $"{type.Name}.{method.Name}");
            }
        }
    }

    // The top-level alternatives of a pattern (outside groups and character classes), or none when it has one.
    private static IEnumerable<string> TopLevelAlternatives(string pattern)
    {
        var (depth, inClass, start) = (0, false, 0);
        var parts = new List<string>();
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '(' when !inClass:
                    depth++;
                    break;
                case ')' when !inClass:
                    depth--;
                    break;
                case '|' when !inClass && depth == 0:
                    parts.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(pattern[start..]);
        return parts.Count > 1 ? parts : [];
    }
}
