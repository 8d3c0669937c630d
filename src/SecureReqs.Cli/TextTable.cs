using Spectre.Console;
using Spectre.Console.Rendering;

namespace SecureReqs.Cli;

/// <summary>Writes a plain Markdown-style table (no colours, no terminal codes), readable in a CI log and pasteable.</summary>
internal static class TextTable
{
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var table = new Table { Border = TableBorder.Markdown };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(cell => (IRenderable)new Text(cell))]);
        }

        console.Write(table);
    }
}
