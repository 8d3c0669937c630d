using System.CommandLine;

namespace SecureReqs.Cli;

/// <summary><c>securereqs datasets [--datasets &lt;dir&gt;]</c>: lists and verifies the datasets.</summary>
internal static class DatasetsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dir = new Option<DirectoryInfo?>("--datasets") { Description = "The datasets folder (default: the nearest adversarial-datasets/ above the current folder)." };
        var command = new Command("datasets", "List the datasets and verify each against its manifest (hashes, row counts, case format). Exit 2 when one fails.") { dir };
        command.SetAction(async (parse, _) =>
        {
            var root = parse.GetValue(dir)?.FullName ?? DatasetCatalog.FindDefaultRoot(Directory.GetCurrentDirectory());
            if (root is null || !Directory.Exists(root))
            {
                await error.WriteLineAsync("securereqs: no datasets folder found; pass --datasets <dir>.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            var catalog = new DatasetCatalog(root);
            var failed = false;
            foreach (var name in catalog.Names)
            {
                try
                {
                    var dataset = catalog.Load(name);
                    var attacks = dataset.Cases.Count(c => c.Kind == CaseKind.Attack);
                    await output.WriteLineAsync($"{name,-28} v{dataset.Manifest.Version,-8} {attacks} attacks, {dataset.Cases.Count - attacks} benign, {dataset.Cases.Select(c => c.Technique).Distinct().Count()} techniques  verified").ConfigureAwait(false);
                }
                catch (SecureReqsException ex)
                {
                    failed = true;
                    await error.WriteLineAsync($"{name}: {ex.Message}").ConfigureAwait(false);
                }
            }

            return failed ? CliApp.UsageError : CliApp.Success;
        });
        return command;
    }
}
