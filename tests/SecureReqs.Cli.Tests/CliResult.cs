using System.Diagnostics;

namespace SecureReqs.Cli.Tests;

/// <summary>What one in-process invocation of the command printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the command with no environment variables and a non-interactive terminal, as CI would.</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new CliEnvironment(), args);

    public static async Task<CliResult> RunAsync(CliEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, TimeProvider.System, environment, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built command as its own process (<c>dotnet SecureReqs.Cli.dll</c>), with telemetry off and the given variables.</summary>
    public static async Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        using var process = StartProcess(variables, args);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the built command as its own process, standard output and error redirected, for a test that reads them itself.</summary>
    public static Process StartProcess(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SecureReqs.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
