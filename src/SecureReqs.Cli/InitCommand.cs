using System.CommandLine;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs init [folder] [--answers &lt;file&gt;] [--force]</c>: asks about the AI pipeline (or reads the answers
/// from a file) and writes starter stories in <c>features/</c>, a <c>securereqs.json</c> skeleton and a coverage policy.
/// Existing files are never overwritten without <c>--force</c>.
/// </summary>
internal static class InitCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var folder = new Argument<DirectoryInfo?>("folder") { Description = "The folder to write into (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var answers = new Option<FileInfo?>("--answers") { Description = "A JSON file with the answers (for CI and scripts; docs/init.md); without it the questions are asked on the terminal." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist." };
        var command = new Command("init", "Ask about the AI pipeline (data, retrieval, agents, fine-tuning, memory, serving) and write starter security stories tagged with the controls they cover, a securereqs.json skeleton and a coverage policy with milestones.")
        {
            folder,
            answers,
            force,
        };
        command.SetAction(async (parse, _) =>
        {
            var root = parse.GetValue(folder)?.FullName ?? Directory.GetCurrentDirectory();
            var given = parse.GetValue(answers) is { } file
                ? PipelineAnswers.Load(file.FullName)
                : new PipelineQuestionnaire(environment.Input, error).Ask();
            var project = StarterProject.From(given);

            // Nothing is written unless everything can be: a half-written project is worse than none.
            var existing = project.Files.Select(f => f.Path).Where(p => File.Exists(Path.Combine(root, p))).ToList();
            if (existing.Count > 0 && !parse.GetValue(force))
            {
                await error.WriteLineAsync($"securereqs: {root} already has {string.Join(", ", existing)}. Nothing was written. Pass --force to overwrite them, or choose another folder: securereqs init <folder>.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            foreach (var (path, text) in project.Files)
            {
                var full = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, text).ConfigureAwait(false);
                await output.WriteLineAsync($"{(existing.Contains(path) ? "overwrote" : "wrote")} {path}").ConfigureAwait(false);
            }

            foreach (var note in project.Notes)
            {
                await output.WriteLineAsync("Note: " + note).ConfigureAwait(false);
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"Next: securereqs lint features, then securereqs run features, then securereqs gate securereqs-report/results.json --milestone alpha (in {root}).").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }
}
