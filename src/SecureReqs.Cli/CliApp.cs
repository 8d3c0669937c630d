using System.CommandLine;
using System.Runtime.InteropServices;

namespace SecureReqs.Cli;

/// <summary>The <c>securereqs</c> command line.</summary>
/// <remarks>Exit codes: 0 every story passes (or a scan found nothing, or the gate lets the release go), 1 a story failed
/// or is inconclusive (or a scan found PII, or a KPI regressed against the baseline, or a file differs from its signed manifest), 2 a usage or configuration error
/// (including an unreadable results file).</remarks>
public static class CliApp
{
    /// <summary>Exit code: success.</summary>
    public const int Success = 0;

    /// <summary>Exit code: a story failed or is inconclusive; a scan found something.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: a usage or configuration error.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line on the process console.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        // Commands that send cases start warming up the judges before anything else, while the command line is read.
        if (args is ["run" or "bench", ..])
        {
            _ = Warmup.Start();
        }

        using var cancel = new CancellationTokenSource();

        // SIGINT (Ctrl-C) and SIGTERM (a CI job cancelled) stop the run: no new request is sent, the reports are written
        // marked interrupted, and the exit code is 130. A second signal ends the process at once.
        var stopping = 0;
        void Stop(PosixSignalContext context)
        {
            if (Interlocked.Exchange(ref stopping, 1) == 0)
            {
                context.Cancel = true;
                Console.Error.WriteLine("securereqs: stopping: no new request is sent; writing the reports of what finished (signal again to quit at once).");
                cancel.Cancel();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        // Standard output through a writer with a 32 KB buffer, flushed after every write as Console.Out is, so output
        // still appears as it is written. Console's own writer encodes and writes 256 characters at a time, one system
        // call each: `scan pii` on a 16 MB file with 197,000 findings made about 45,000 of them (docs/performance.md).
        var stdout = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), Console.OutputEncoding, StandardOutputBuffer) { AutoFlush = true });
        Console.SetOut(stdout);
        return RunAsync(args, stdout, Console.Error, TimeProvider.System, cancel.Token).GetAwaiter().GetResult();
    }

    // The characters standard output buffers between system calls (a JSON Lines batch of the scans is 32 KB).
    private const int StandardOutputBuffer = 32 * 1024;

    /// <summary>Runs the command line with the given writers and clock.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="time">The clock for report timestamps.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, time, CliEnvironment.FromProcess(error), cancellationToken);

    /// <summary>Runs the command line with the given writers, clock and environment.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="time">The clock for report timestamps and progress.</param>
    /// <param name="environment">Environment variables and whether standard error is interactive.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("SecureReqs: executable security requirements for AI features. Run Gherkin security stories against an IChatClient and gate releases on their KPIs.");
        (string Name, Func<Command> Create)[] commands =
        [
            ("run", () => RunCommand.Create(output, error, time, environment)),
            ("lint", () => LintCommand.Create(output, error, time, environment)),
            ("merge", () => MergeCommand.Create(output, error, time, environment)),
            ("generate", () => GenerateCommand.Create(output, error, time, environment)),
            ("gate", () => GateCommand.Create(output, error)),
            ("plan", () => PlanCommand.Create(output)),
            ("coverage", () => CoverageCommand.Create(output, error)),
            ("steps", () => StepsCommand.Create(output)),
            ("init", () => InitCommand.Create(output, error, environment)),
            ("scan", () => ScanCommand.Create(output, error)),
            ("targets", () => TargetsCommand.Create(output, environment)),
            ("datasets", () => DatasetsCommand.Create(output, error)),
            ("manifest", () => ManifestCommand.Create(output, error, time, environment)),
            ("evidence", () => EvidenceCommand.Create(output, error, time, environment)),
            ("bench", () => BenchCommand.Create(output, error)),
            ("demo", () => DemoCommand.Create(output, environment)),
        ];

        // Only the command named is built when there is one (building all sixteen costs a run's start-up tens of
        // milliseconds); anything else (no command, --help, a misspelling) gets them all, for the help and the error.
        var named = args.Length > 0 ? Array.Find(commands, c => c.Name == args[0]).Create : null;
        foreach (var (_, create) in named is null ? commands : [(args[0], named)])
        {
            root.Subcommands.Add(create());
        }

        // Tag expressions start with @, which System.CommandLine would read as a response file: there are none here.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync("securereqs: " + problem.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'securereqs --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
        }
        catch (SecureReqsException ex)
        {
            await error.WriteLineAsync("securereqs: " + ex.Message).ConfigureAwait(false);
            return UsageError;
        }
    }
}
