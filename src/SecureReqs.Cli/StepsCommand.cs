using System.CommandLine;
using System.Text;
using SecureReqs.Reqnroll;

namespace SecureReqs.Cli;

/// <summary><c>securereqs steps [--markdown] [--write &lt;file&gt;]</c>: the step vocabulary, read from the step bindings.</summary>
internal static class StepsCommand
{
    public static Command Create(TextWriter output)
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print Markdown (the content of docs/steps.md)." };
        var write = new Option<FileInfo?>("--write") { Description = "Write the Markdown to this file, such as docs/steps.md." };
        var command = new Command("steps", "Print the step vocabulary from the step bindings: each step's keyword, expression, meaning and examples.")
        {
            markdown,
            write,
        };
        command.SetAction(async (parse, _) =>
        {
            var steps = StepVocabulary.Discover();
            if (parse.GetValue(write) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, StepVocabulary.RenderMarkdown(steps), new UTF8Encoding(false)).ConfigureAwait(false);
                await output.WriteLineAsync($"Wrote {steps.Count} steps to {file.FullName}.").ConfigureAwait(false);
                return CliApp.Success;
            }

            await output.WriteAsync(parse.GetValue(markdown) ? StepVocabulary.RenderMarkdown(steps) : StepVocabulary.RenderText(steps)).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }
}
