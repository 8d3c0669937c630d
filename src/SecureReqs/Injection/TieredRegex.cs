using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// A pattern of the pattern stage that runs first on the backtracking engine (its source-generated twin, or for a context
/// pattern's part the interpreter, both built in well under a millisecond) and on the linear engine
/// (<see cref="RegexOptions.NonBacktracking"/>) once it has spent <see cref="Rent"/> there, met a text longer than
/// <see cref="LongText"/>, or had a match run past <see cref="Timeout"/>.
/// </summary>
/// <remarks>
/// <para>
/// The linear engine scans in time linear in the text, but building and growing its automaton costs tens of
/// milliseconds and megabytes per pattern: most of what a short scan costs. Here a process pays for that automaton only
/// for the patterns its texts use a lot (as a skier rents until the rent would have bought the skis), and a long scan
/// still runs on it.
/// </para>
/// <para>
/// Without a lazy quantifier both engines find the same matches, and the backtracking engine's are used; with one they
/// may end a match in different places, so there the backtracking engine only says whether a text has a match at all,
/// which does not depend on the engine (<see cref="SameSpans"/>). <c>TieredRegexTests</c> compares both engines on every
/// tiered pattern, so which engine ran never changes a verdict. A match that runs past the timeout moves its pattern to
/// the linear engine for the rest of the process and is found again there: each pattern loses at most one timeout. A
/// busy machine can only make a pattern move early; it never turns a verdict into an error.
/// </para>
/// </remarks>
internal sealed class TieredRegex
{
    /// <summary>How long one backtracking match may run before its pattern moves to the linear engine, in milliseconds.</summary>
    public const int TimeoutMilliseconds = 50;

    /// <summary>How long one backtracking match may run before its pattern moves to the linear engine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    private static readonly ConcurrentDictionary<Delegate, TieredRegex> ByDelegate = new(ReferenceEqualityComparer.Instance);
    private static readonly ConcurrentDictionary<MethodInfo, TieredRegex> ByMethod = new();

    private readonly Func<Regex> _linearFactory;
    private readonly Func<Regex>? _backtrackingFactory;
    private readonly long _rent;
    private readonly int _maxStates;
    private Regex? _backtracking;
    private Regex? _linear;
    private long _spent;
    private bool _moved;
    private int _linearUses;
    private int _renewals;

    // A tier whose backtracking form (null: none, linear from the start) and linear form the factories build.
    private TieredRegex(string name, string? pattern, Func<Regex>? backtracking, Func<Regex> linear, long? rent = null, int? maxStates = null)
    {
        Name = name;
        _backtrackingFactory = backtracking;
        _linearFactory = linear;
        _rent = rent ?? Rent;
        _maxStates = maxStates ?? LinearGrowth.MaxStates;
        _moved = backtracking is null;
        SameSpans = pattern is not null && !HasLazyQuantifier(pattern);
    }

    /// <summary>
    /// How long (in <see cref="Stopwatch"/> ticks) a pattern runs on the backtracking engine before it moves to the linear
    /// one. Building and growing a linear automaton costs 40 to 150 ms for most patterns, but on long adversarial texts
    /// the backtracking engine also costs several times more per character, so the rent is set lower than that.
    /// </summary>
    public static readonly long Rent = Stopwatch.Frequency * 15 / 1000;

    /// <summary>A text longer than this moves a pattern to the linear engine before it is searched: the rent is charged
    /// after a search, and one search through a long text on the backtracking engine could cost far more than the rent.</summary>
    public const int LongText = 1 << 16;

    /// <summary>The pattern's name, for benchmarks.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether both engines find the same matches, so that the backtracking engine's are used. False for a pattern with a
    /// lazy quantifier, where the two may end a match in different places: there the backtracking engine only says
    /// whether the text has a match at all, which does not depend on the engine, and the linear engine finds them.
    /// </summary>
    public bool SameSpans { get; }

    /// <summary>Whether the pattern still runs on the backtracking engine.</summary>
    public bool Backtracking => !Volatile.Read(ref _moved);

    /// <summary>
    /// The pattern on the linear engine, built on first use, and built again once its automaton holds more than
    /// <see cref="LinearGrowth.MaxStates"/> states (checked every <see cref="LinearGrowth.CheckEvery"/> uses), before the
    /// engine would leave the automaton for a slower simulation that has answered wrongly (<see cref="LinearGrowth"/>).
    /// </summary>
    /// <remarks>A caller that holds an instance keeps it until it is done with it; the next use gets the new one.</remarks>
    public Regex Linear
    {
        get
        {
            var linear = _linear ??= _linearFactory();
            if (Interlocked.Increment(ref _linearUses) % LinearGrowth.CheckEvery != 0 || !(LinearGrowth.States(linear) > _maxStates))
            {
                return linear;
            }

            // The factory may hand out one cached instance (a generated pattern's), so the new one is built from the pattern.
            var renewed = LinearRegex.Large(linear.ToString(), linear.Options);
            if (Interlocked.CompareExchange(ref _linear, renewed, linear) == linear)
            {
                Interlocked.Increment(ref _renewals);
            }

            return _linear;
        }
    }

    /// <summary>How many times the linear instance was built again because its automaton had grown past the bound.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>The pattern on the backtracking engine (with <see cref="Timeout"/>), or null when it never runs there.</summary>
    internal Regex? BacktrackingRegex => _backtrackingFactory is null ? null : _backtracking ??= _backtrackingFactory();

    /// <summary>A tier for a pattern written out, whose linear regex <paramref name="linear"/> builds.</summary>
    /// <param name="name">A name for benchmarks.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="options">Its options (<see cref="RegexOptions.NonBacktracking"/> is ignored).</param>
    /// <param name="linear">Builds the pattern on the linear engine.</param>
    /// <param name="rent">The rent, if not <see cref="Rent"/> (tests that must not depend on the clock).</param>
    /// <param name="maxStates">The states past which the linear instance is built again, if not <see cref="LinearGrowth.MaxStates"/> (tests).</param>
    /// <returns>The tier.</returns>
    public static TieredRegex Of(string name, string pattern, RegexOptions options, Func<Regex> linear, long? rent = null, int? maxStates = null) =>
        new(name, pattern, () => new Regex(pattern, options & ~RegexOptions.NonBacktracking, Timeout), linear, rent, maxStates);

    /// <summary>
    /// The tier of a pattern's method, whose backtracking form is its source-generated twin <c>&lt;name&gt;Backtracking</c>
    /// (<c>LinearPatternTests</c> checks each twin is its sibling's pattern with <see cref="Timeout"/>); a method without
    /// a twin gets a tier that is linear from the start.
    /// </summary>
    /// <remarks>Looked up by the delegate itself: a method group converted at a call site is cached there.</remarks>
    public static TieredRegex For(Func<Regex> factory)
    {
        if (ByDelegate.TryGetValue(factory, out var known))
        {
            return known;
        }

        var tier = ByMethod.GetOrAdd(factory.Method, static (method, factory) =>
        {
            var twin = method.DeclaringType?.GetMethod(method.Name + "Backtracking", BindingFlags.Static | BindingFlags.NonPublic, Type.EmptyTypes);
            var generated = twin?.GetCustomAttribute<GeneratedRegexAttribute>();
            return new TieredRegex($"{method.DeclaringType?.Name}.{method.Name}", generated?.Pattern, generated is null ? null : twin!.CreateDelegate<Func<Regex>>(), factory);
        }, factory);

        // A caller that builds a new delegate per call (a lambda, not a method group) would fill the table: it stops growing.
        if (ByDelegate.Count < 4096)
        {
            ByDelegate.TryAdd(factory, tier);
        }

        return tier;
    }

    /// <summary>Charges time spent on the backtracking engine; moves the pattern to the linear engine once it reaches <see cref="Rent"/>.</summary>
    /// <param name="ticks">The <see cref="Stopwatch"/> ticks.</param>
    public void Charge(long ticks)
    {
        if (Interlocked.Add(ref _spent, ticks) >= _rent)
        {
            ToLinear();
        }
    }

    /// <summary>Moves the pattern to the linear engine for the rest of the process.</summary>
    public void ToLinear() => Volatile.Write(ref _moved, true);

    /// <summary>
    /// Whether <paramref name="text"/> has a match: on the backtracking engine while the pattern runs there (whether a
    /// match exists does not depend on the engine, even for a pattern with a lazy quantifier), otherwise on the linear one.
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> text) => Backtracked(text) ?? Linear.IsMatch(text);

    /// <summary>Whether the backtracking engine finds a match, its time charged; null when the pattern runs on the linear
    /// engine, including when the text is long or the match timed out (both of which move it there).</summary>
    private bool? Backtracked(ReadOnlySpan<char> text)
    {
        if (text.Length > LongText)
        {
            ToLinear();
        }

        if (!Backtracking)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return BacktrackingRegex!.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            ToLinear();
            return null;
        }
        finally
        {
            Charge(Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>
    /// The first match in <paramref name="text"/>, as the linear engine finds it. Take only this match: on the backtracking
    /// engine its <see cref="System.Text.RegularExpressions.Match.NextMatch"/> would run with the timeout and outside the
    /// rent; use <see cref="Matches"/> for more than one.
    /// </summary>
    public Match Match(string text)
    {
        if (text.Length > LongText)
        {
            ToLinear();
        }

        if (!SameSpans)
        {
            if (Backtracked(text) == false)
            {
                return System.Text.RegularExpressions.Match.Empty;
            }

            ToLinear();
            return Linear.Match(text);
        }

        if (!Backtracking)
        {
            return Linear.Match(text);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return BacktrackingRegex!.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            ToLinear();
            return Linear.Match(text);
        }
        finally
        {
            Charge(Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>Every match in <paramref name="text"/>, left to right, as the linear engine finds them.</summary>
    public List<Match> Matches(string text)
    {
        var list = new List<Match>();
        if (text.Length > LongText)
        {
            ToLinear();
        }

        if (!SameSpans)
        {
            if (Backtracked(text) != false)
            {
                // The linear automaton is needed now; building it and still backtracking first would pay twice.
                ToLinear();
                Add(list, Linear, text);
            }

            return list;
        }

        if (!Backtracking)
        {
            Add(list, Linear, text);
            return list;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            Add(list, BacktrackingRegex!, text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Found again on the linear engine, which the pattern keeps from now on.
            ToLinear();
            list.Clear();
            Add(list, Linear, text);
        }
        finally
        {
            Charge(Stopwatch.GetTimestamp() - started);
        }

        return list;
    }

    /// <summary>
    /// Whether a pattern has a lazy quantifier (<c>*?</c>, <c>+?</c>, <c>??</c>, <c>{m,n}?</c>), where the two engines may
    /// end a match in different places. Errs towards yes, which only costs speed.
    /// </summary>
    internal static bool HasLazyQuantifier(string pattern)
    {
        var (inClass, afterOpen) = (false, false);
        for (var i = 0; i < pattern.Length - 1; i++)
        {
            var c = pattern[i];
            var opened = afterOpen;
            afterOpen = false;
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                if (pattern[i + 1] == ']')
                {
                    i++;
                }

                continue;
            }

            if (c == '(')
            {
                afterOpen = true;
                continue;
            }

            // A '?' right after an unescaped '(' opens a group construct; anywhere else it is a quantifier.
            var quantifier = c is '*' or '+' or '}' || (c == '?' && !opened);
            if (quantifier && pattern[i + 1] == '?')
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<Match> list, Regex regex, string text)
    {
        for (var m = regex.Match(text); m.Success; m = m.NextMatch())
        {
            list.Add(m);
        }
    }
}
