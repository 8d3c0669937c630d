using System.CommandLine;
using SecureReqs.Reqnroll;

namespace SecureReqs.Cli;

/// <summary><c>securereqs targets</c>: lists the targets stories can name.</summary>
internal static class TargetsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("targets", "List the targets stories can name.");
        command.SetAction(async (_, _) =>
        {
            foreach (var target in new SecureReqsSettings().TargetsWithDefaults().All)
            {
                await output.WriteLineAsync($"{target.Name,-16} {target.Description}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }
}
