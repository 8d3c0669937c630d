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
}
