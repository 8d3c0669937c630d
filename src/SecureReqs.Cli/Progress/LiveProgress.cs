using System.Globalization;
using Spectre.Console;

namespace SecureReqs.Cli;

/// <summary>Live progress bars on an interactive terminal: one per story, with cases done, rate and time left.</summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class LiveProgress : IProgress<StoryProgress>
{
    private readonly ProgressContext _context;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    private LiveProgress(ProgressContext context) => _context = context;

    /// <summary>Runs <paramref name="run"/> while showing its progress on <paramref name="terminal"/>.</summary>
    public static async Task<T> ShowAsync<T>(TextWriter terminal, Func<IProgress<StoryProgress>, Task<T>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(terminal),
        });
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 15 }, new PercentageColumn())
            .StartAsync(async context => result = await run(new LiveProgress(context)).ConfigureAwait(false))
            .ConfigureAwait(false);
        return result;
    }

    public void Report(StoryProgress value)
    {
        var run = value.Run;
        var key = value.Key.Length > 0 ? value.Key : $"{value.Feature}\u001f{value.Scenario}";
        var rate = run.CasesPerSecond is { } r ? PlainProgressWriter.Rate(r) + "/s" : "";
        var left = run.IsFinished ? $"done in {PlainProgressWriter.Duration(run.Elapsed)}" : run.Remaining is { } l ? $"{PlainProgressWriter.Duration(l)} left" : "starting";
        var scenario = value.Scenario.Length <= 32 ? value.Scenario : value.Scenario[..31] + "…";
        var description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{scenario,-32} {run.Completed}/{run.Total} {rate} {left}"));
        lock (_lock)
        {
            if (!_tasks.TryGetValue(key, out var task))
            {
                task = _context.AddTask(description, maxValue: Math.Max(1, run.Total));
                _tasks[key] = task;
            }

            task.Description = description;
            task.MaxValue = Math.Max(1, run.Total);
            task.Value = run.Total == 0 ? 1 : run.Completed;
        }
    }
}
