using System.Globalization;

namespace SecureReqs.Cli;

/// <summary>
/// Progress as plain lines, for CI logs and redirected output: a line when a story's cases start, one at most every
/// <c>interval</c> while they run (cases done, rate, time left), and one when they are done. No terminal codes.
/// </summary>
/// <remarks>Thread-safe. Times come from the run's own clock (<see cref="RunProgress.Elapsed"/>).</remarks>
internal sealed class PlainProgressWriter(TextWriter writer, TimeSpan interval) : IProgress<StoryProgress>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TimeSpan> _lastLine = new(StringComparer.Ordinal);

    public void Report(StoryProgress value)
    {
        var run = value.Run;
        var key = value.Key.Length > 0 ? value.Key : $"{value.Feature}\u001f{value.Scenario}";
        var name = $"{value.Feature}: {value.Scenario}";
        lock (_lock)
        {
            if (run.IsFinished)
            {
                _lastLine.Remove(key);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {name}: {run.Completed}/{run.Total} cases done in {Duration(run.Elapsed)}{(run.CasesPerSecond is { } r ? $" ({Rate(r)} cases/s)" : "")}"));
                return;
            }

            if (run.Completed == 0)
            {
                _lastLine[key] = run.Elapsed;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {name}: sending {run.Total} cases"));
                return;
            }

            if (_lastLine.TryGetValue(key, out var last) && run.Elapsed - last < interval)
            {
                return;
            }

            _lastLine[key] = run.Elapsed;
            writer.WriteLine(Describe(name, run));
        }
    }

    public static string Describe(string name, RunProgress run) => string.Create(
        CultureInfo.InvariantCulture,
        $"progress: {name}: {run.Completed}/{run.Total} cases ({run.Fraction:0%}), {(run.CasesPerSecond is { } rate ? Rate(rate) : "?")} cases/s, {(run.Remaining is { } left ? "about " + Duration(left) : "time")} left");

    public static string Duration(TimeSpan time) =>
        time.TotalSeconds < 60 ? time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : time.TotalMinutes < 60 ? $"{(int)time.TotalMinutes} min {time.Seconds} s"
        : $"{(int)time.TotalHours} h {time.Minutes} min";

    public static string Rate(double casesPerSecond) =>
        casesPerSecond.ToString(casesPerSecond < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);
}
