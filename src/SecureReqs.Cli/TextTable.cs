using System.Text;

namespace SecureReqs.Cli;

/// <summary>
/// Writes a plain Markdown-style table (no colours, no terminal codes), readable in a CI log and pasteable, that fits
/// <see cref="DefaultWidth"/> columns: when the cells are wider, the columns marked shrinkable get narrower, each down to
/// its minimum, and their cells wrap onto more lines; the other columns keep their width.
/// </summary>
internal static class TextTable
{
    /// <summary>The widest line a table writes: a 120-column terminal or CI log shows it unwrapped.</summary>
    public const int DefaultWidth = 120;

    /// <summary>The narrowest a shrinkable column gets.</summary>
    public const int MinimumShrunkWidth = 12;

    /// <summary>Writes the table with no column shrinkable (it may then be wider than <see cref="DefaultWidth"/>).</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        Write(writer, headers, rows, shrink: [], DefaultWidth);

    /// <summary>Writes the table, shortening columns step by step (<paramref name="shrink"/>: a column and the width it
    /// may shrink to, in order) until every line is at most <paramref name="width"/> characters.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<(int Column, int Floor)> shrink, int width)
    {
        var cells = rows.Select(row => row.Select(OneLine).ToArray()).ToList();
        var widths = headers.Select((h, i) => cells.Select(row => i < row.Length ? row[i].Length : 0).Append(h.Length).Max()).ToArray();

        // "| " + cells joined by " | " + " |"
        var overflow = widths.Sum() + (3 * widths.Length) + 1 - width;
        foreach (var (column, least) in shrink)
        {
            if (overflow <= 0)
            {
                break;
            }

            var floor = Math.Max(Math.Max(MinimumShrunkWidth, least), headers[column].Length);
            var cut = Math.Min(overflow, Math.Max(0, widths[column] - floor));
            widths[column] -= cut;
            overflow -= cut;
        }

        WriteRow(writer, headers, widths);
        writer.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in cells)
        {
            WriteRow(writer, row, widths);
        }
    }

    /// <summary>Shortens <paramref name="text"/> to <paramref name="width"/> characters, ending it with "…" when cut.</summary>
    public static string Fit(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? text[..width] : string.Concat(text.AsSpan(0, width - 1).TrimEnd(), "…");

    /// <summary>Wraps <paramref name="text"/> at spaces into lines of at most <paramref name="width"/> characters, the
    /// lines after the first indented by <paramref name="indent"/>; a word longer than a line is cut.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent)
    {
        var line = new StringBuilder();
        var empty = true;
        foreach (var word in OneLine(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent);
                empty = true;
            }

            var room = width - line.Length - (empty ? 0 : 1);
            line.Append(empty ? "" : " ").Append(Fit(word, Math.Max(1, room)));
            empty = false;
        }

        if (!empty)
        {
            yield return line.ToString();
        }
    }

    // A cell wider than its column wraps at spaces onto more lines of the same row.
    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells, int[] widths)
    {
        var wrapped = widths.Select((w, i) => Wrap(i < cells.Count ? cells[i] : "", w, "").ToList()).ToList();
        var height = Math.Max(1, wrapped.Max(lines => lines.Count));
        for (var l = 0; l < height; l++)
        {
            var line = new StringBuilder("|");
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = l < wrapped[i].Count ? wrapped[i][l] : "";
                line.Append(' ').Append(cell.PadRight(widths[i])).Append(" |");
            }

            writer.WriteLine(line.ToString());
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
