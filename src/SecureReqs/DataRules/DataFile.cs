using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// A data file a story judges with data rules: JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>: one JSON object per line) or
/// CSV (<c>.csv</c>: a header line naming the fields, then one record per line, RFC 4180 quoting), read against a
/// <see cref="DataFileSchema"/>.
/// </summary>
/// <remarks>
/// <para>Streaming: one record is held in memory at a time. Blank lines are skipped.</para>
/// <para>Fail closed: a line that does not parse, a field the schema does not classify, a record label that is not a
/// declared level, or a file with no record is a <see cref="SecureReqsException"/> naming the file (as the story writes
/// it), the line and the fix; nothing is skipped.</para>
/// <para>Thread-safe: each read opens the file anew.</para>
/// </remarks>
/// <param name="written">The path as the story writes it (shown in messages and findings).</param>
/// <param name="fullPath">The resolved file.</param>
/// <param name="schema">What the team declared about the file.</param>
public sealed class DataFile(string written, string fullPath, DataFileSchema schema)
{
    /// <summary>The path as the story writes it.</summary>
    public string Written { get; } = written ?? throw new ArgumentNullException(nameof(written));

    /// <summary>The declared schema.</summary>
    public DataFileSchema Schema { get; } = schema ?? throw new ArgumentNullException(nameof(schema));

    /// <summary>Whether the file is read as CSV (by its extension); JSON Lines otherwise.</summary>
    public bool IsCsv => fullPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads every record, in file order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    /// <exception cref="SecureReqsException">A malformed line, an unclassified field, an undeclared label, or no record.</exception>
    public async IAsyncEnumerable<DataRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(fullPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long lineNumber = 0;
        long records = 0;
        IReadOnlyList<string>? header = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (IsCsv && header is null)
            {
                header = Header(line, lineNumber);
                continue;
            }

            records++;
            var values = IsCsv ? CsvValues(line, lineNumber, header!) : JsonValues(line, lineNumber);
            yield return Classify(lineNumber, values);
        }

        if (records == 0)
        {
            throw Error(Math.Max(1, lineNumber), IsCsv
                ? "the file holds no records. A CSV data file has a header line naming the fields, then one record per line."
                : "the file holds no records. A JSON Lines data file has one JSON object per line.");
        }
    }

    private DataRecord Classify(long line, List<(string Path, string Text)> raw)
    {
        string? label = null;
        if (Schema.LabelField is { } labelField && raw.FirstOrDefault(v => v.Path == labelField).Text is { } written)
        {
            if (!Schema.Levels.IsKnown(written))
            {
                throw Error(line, $"the record is labelled \"{written}\" in \"{labelField}\", which is not a declared classification level ({Schema.Levels}). Fix the record's label, or declare the level with 'Given the classification levels are …'.");
            }

            label = Schema.Levels.Canonical(written);
        }

        var values = new List<DataValue>(raw.Count);
        foreach (var (path, text) in raw)
        {
            var field = Schema.FieldOf(path) ?? throw Error(line, $"the record has the field \"{path}\", which the story does not classify. Add a row for it to the field table (| {path} | <level> |, levels: {Schema.Levels}), or remove the field from the data.");
            var level = Schema.Fields[field];
            if (label is not null && Schema.Levels.Rank(label) > Schema.Levels.Rank(level))
            {
                level = label;
            }

            values.Add(new DataValue(path, field, level, text));
        }

        return new DataRecord(line, values, label);
    }

    private List<(string Path, string Text)> JsonValues(string line, long lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd(' ', '.', '|');
            throw Error(lineNumber, $"the line is not valid JSON ({reason}). Each line of a JSON Lines file is one complete JSON object: fix the line, or write a pretty-printed object or an array one object per line.", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Error(lineNumber, $"the line is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object. Write each record as one JSON object, such as {{\"id\": \"c-1\", \"email\": \"[email]\"}}.");
            }

            var values = new List<(string, string)>();
            Walk(document.RootElement, "", values, lineNumber);
            return values;
        }
    }

    private void Walk(JsonElement element, string path, List<(string, string)> values, long lineNumber)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (Schema.FieldOf(child) is null && !Schema.HasFieldsInside(child))
                    {
                        throw Error(lineNumber, $"the record has the field \"{child}\", which the story does not classify. Add a row for it to the field table (| {child} | <level> |, levels: {Schema.Levels}), or remove the field from the data.");
                    }

                    Walk(property.Value, child, values, lineNumber);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path, values, lineNumber);
                }

                break;
            case JsonValueKind.String:
                values.Add((path, element.GetString()!));
                break;
            case JsonValueKind.Number:
                values.Add((path, element.GetRawText()));
                break;
        }
    }

    private List<string> Header(string line, long lineNumber)
    {
        var names = SplitCsv(line, lineNumber).Select(n => n.Trim()).ToList();
        if (names.FirstOrDefault(n => n.Length == 0) is not null)
        {
            throw Error(lineNumber, "the header line has an empty column name. The first line of a CSV data file names every column.");
        }

        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Error(lineNumber, $"the header line names the column \"{twice.Key}\" twice. Give each column one name.");
        }

        foreach (var name in names.Where(n => Schema.FieldOf(n) is null))
        {
            throw Error(lineNumber, $"the header names the column \"{name}\", which the story does not classify. Add a row for it to the field table (| {name} | <level> |, levels: {Schema.Levels}), or remove the column from the data.");
        }

        return names;
    }

    private List<(string Path, string Text)> CsvValues(string line, long lineNumber, IReadOnlyList<string> header)
    {
        var cells = SplitCsv(line, lineNumber);
        if (cells.Count != header.Count)
        {
            throw Error(lineNumber, string.Create(CultureInfo.InvariantCulture, $"the record has {cells.Count} values but the header names {header.Count} columns. Give every record one value per column (quote values that contain commas)."));
        }

        return [.. header.Select((name, i) => (name, cells[i])).Where(c => c.Item2.Length > 0)];
    }

    private List<string> SplitCsv(string line, long lineNumber)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw Error(lineNumber, "a quoted value is not closed. Close every quote on the same line (values with line breaks are not supported; write them as \\n).");
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private SecureReqsException Error(long line, string message, Exception? inner = null) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Written}:{line}: {message}"), inner);
}
