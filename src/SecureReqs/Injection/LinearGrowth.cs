using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// How many states a pattern's automaton on the linear engine (<see cref="RegexOptions.NonBacktracking"/>) has built, and
/// the bound past which <see cref="TieredRegex"/> replaces the instance with a new one.
/// </summary>
/// <remarks>
/// <para>
/// The linear engine builds its automaton's states as texts need them and keeps them for the life of the instance. Once
/// an instance holds about 40,000 states (measured on .NET 10.0.12: `NamedOrFinalLiteral`'s first part entered the
/// mode between 39,999 and 40,075) the runtime stops adding states and simulates the automaton state by state instead,
/// which is far slower per character and, for that pattern, answered wrongly: it matched
/// <c>… inves⏎auszugeben_</c>, where the word boundary after <i>auszugeben</i> does not hold, while a new instance and
/// the backtracking engine did not (docs/performance.md). A guard in a long-lived process meets enough different texts
/// to get there. Renewing an instance before that point costs building its states again, once per
/// <see cref="MaxStates"/> states, and keeps every answer on the automaton the engine builds for a new instance.
/// </para>
/// <para>
/// The runtime does not expose the count, so it is read from its private fields. If a runtime changes them,
/// <see cref="States"/> returns null and nothing is renewed; <c>LinearGrowthTests</c> fails on such a runtime, so the
/// change is seen before it ships.
/// </para>
/// </remarks>
internal static class LinearGrowth
{
    /// <summary>The number of states past which an instance is replaced: half the point where the engine changes mode.</summary>
    public const int MaxStates = 20_000;

    /// <summary>How many uses of an instance pass between two reads of its count (a read costs three field reads by reflection).</summary>
    public const int CheckEvery = 64;

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private static readonly FieldInfo? FactoryField = typeof(Regex).GetField("factory", Instance);

    private static readonly ConcurrentDictionary<Type, FieldInfo?> MatcherFields = new();

    private static readonly ConcurrentDictionary<Type, FieldInfo?> StateCacheFields = new();

    /// <summary>The number of states the instance's automaton holds, or null when it cannot be read (not a linear instance,
    /// or a runtime whose fields differ).</summary>
    /// <param name="regex">An instance built with <see cref="RegexOptions.NonBacktracking"/>.</param>
    /// <returns>The count, or null.</returns>
    public static int? States(Regex regex)
    {
        if ((regex.Options & RegexOptions.NonBacktracking) == 0 || FactoryField?.GetValue(regex) is not { } factory)
        {
            return null;
        }

        var matcherField = MatcherFields.GetOrAdd(factory.GetType(), static t => t.GetField("_matcher", Instance));
        if (matcherField?.GetValue(factory) is not { } matcher)
        {
            return null;
        }

        var cacheField = StateCacheFields.GetOrAdd(matcher.GetType(), static t => t.GetField("_stateCache", Instance));
        return cacheField?.GetValue(matcher) is ICollection cache ? cache.Count : null;
    }
}
