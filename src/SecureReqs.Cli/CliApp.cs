namespace SecureReqs.Cli;

/// <summary>The securereqs command line.</summary>
public static class CliApp
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 when every story passes, 1 when any fails or is inconclusive, 2 on a usage or configuration error.</returns>
    public static int Run(string[] args) => args.Length == 0 ? 2 : 2;
}
