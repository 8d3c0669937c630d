using System.CommandLine;
using SecureReqs.Endpoints;
using SecureReqs.Reqnroll;

namespace SecureReqs.Cli;

/// <summary><c>securereqs targets [--config &lt;file&gt;]</c>: lists the targets stories can name.</summary>
internal static class TargetsCommand
{
    public static Command Create(TextWriter output, CliEnvironment environment)
    {
        var config = RunCommand.ConfigOption();
        var command = new Command("targets", "List the targets stories can name: those registered in code, the demo, and those declared in securereqs.json.") { config };
        command.SetAction(async (parse, _) =>
        {
            using var endpoints = RunCommand.LoadEndpoints(parse.GetValue(config)?.FullName, new EndpointTargetSettings { UseCache = false, GetEnvironmentVariable = environment.Get });
            foreach (var target in new SecureReqsSettings { Targets = RunCommand.RegistryOfThisRun(endpoints) }.TargetsWithDefaults().All)
            {
                await output.WriteLineAsync($"{target.Name,-16} {target.Description}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }
}
