using System.Diagnostics;

namespace SecureReqs;

/// <summary>
/// Where the pattern stage's time goes, pattern by pattern, as the scan runs them behind their gates: a benchmark sets
/// <see cref="Observer"/> and receives each pattern a context ran (a <see cref="System.Text.RegularExpressions.Regex"/>
/// or a <see cref="ContextRegex"/>) with the stopwatch ticks it took, building included. Null in normal use, when it costs
/// one read per pattern run.
/// </summary>
internal static class PatternTiming
{
    /// <summary>Receives each pattern run and its ticks; set only by benchmarks, for a process that scans on one thread.</summary>
    public static Action<object, long>? Observer { get; set; }

    /// <summary>A start time when observed, otherwise 0.</summary>
    public static long Start() => Observer is null ? 0 : Stopwatch.GetTimestamp();

    /// <summary>Reports the time since <paramref name="started"/> for <paramref name="pattern"/> when observed.</summary>
    public static void Stop(object pattern, long started)
    {
        if (Observer is { } observer)
        {
            observer(pattern, Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>Obtains a pattern from its factory (which builds it on first use), timing the building when observed.</summary>
    public static T Get<T>(Func<T> factory)
        where T : class
    {
        if (Observer is null)
        {
            return factory();
        }

        var started = Stopwatch.GetTimestamp();
        var pattern = factory();
        Stop(pattern, started);
        return pattern;
    }
}
