using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// Scans a data file for PII and secrets, one record at a time: a text file where each line is a record, or a
/// JSON Lines file where one string field of each record is scanned.
/// </summary>
/// <remarks>
/// <para>
/// Streaming: only one line is held in memory at a time, so memory does not grow with the size of the file.
/// Findings carry offsets and types, never the matched values, so the output of a DLP scan does not spread the data
/// it reports.
/// </para>
/// <para>Thread-safety: an instance holds no per-scan state and may be used for several files concurrently.</para>
/// </remarks>
public sealed class PiiFileScanner
{
    private readonly PiiScanner _scanner;

    /// <summary>Creates a file scanner.</summary>
    /// <param name="scanner">The scanner to apply to each record; <see cref="PiiScanner.Default"/> when null.</param>
    public PiiFileScanner(PiiScanner? scanner = null)
    {
        _scanner = scanner ?? PiiScanner.Default;
    }

    /// <summary>Scans a file and yields its findings in file order.</summary>
    /// <param name="path">The file to scan.</param>
    /// <param name="field">
    /// For a JSON Lines file, the string field to scan: a property name, or a dotted path such as
    /// <c>messages.0.content</c> where numbers index arrays. When null the file is scanned as plain text lines.
    /// </param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The findings, streamed as lines are read.</returns>
    /// <exception cref="DataFileException">A JSON line is not valid JSON, or has no string value at <paramref name="field"/>.</exception>
    public async IAsyncEnumerable<PiiFileFinding> ScanAsync(
        string path, string? field = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (field is not null && string.IsNullOrWhiteSpace(field))
        {
            throw new ArgumentException("The field name must not be blank; omit it to scan plain text lines.", nameof(field));
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            string text;
            if (field is null)
            {
                text = line;
            }
            else if (string.IsNullOrWhiteSpace(line))
            {
                // A blank line holds no record; JSON Lines writers often end files with one.
                continue;
            }
            else
            {
                text = ReadField(line, field, path, lineNumber);
            }

            foreach (var finding in _scanner.Scan(text))
            {
                yield return new PiiFileFinding(lineNumber, finding.Start, finding.End, finding.Type.Name);
            }
        }
    }

    /// <summary>
    /// Scans a file and writes one JSON object per finding, one per line, for example
    /// <c>{"line":3,"start":10,"end":29,"type":"payment-card"}</c>.
    /// </summary>
    /// <param name="path">The file to scan.</param>
    /// <param name="field">The JSON Lines field to scan, or null for plain text lines; see <see cref="ScanAsync"/>.</param>
    /// <param name="output">Where to write the JSON lines.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The number of findings written.</returns>
    /// <exception cref="DataFileException">A JSON line is not valid JSON, or has no string value at <paramref name="field"/>.</exception>
    public async Task<int> ScanToJsonLinesAsync(string path, string? field, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>(128);
        using var writer = new Utf8JsonWriter(buffer);
        var count = 0;
        await foreach (var finding in ScanAsync(path, field, cancellationToken).ConfigureAwait(false))
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartObject();
            writer.WriteNumber("line", finding.Line);
            writer.WriteNumber("start", finding.Start);
            writer.WriteNumber("end", finding.End);
            writer.WriteString("type", finding.Type);
            writer.WriteEndObject();
            writer.Flush();
            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    private static string ReadField(string line, string field, string path, long lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new DataFileException(
                $"{path}:{lineNumber}: the line is not valid JSON ({ex.Message}). Each line of a JSON Lines file must be one "
                + "complete JSON object: fix or remove the line, or scan the file as plain text by not giving a field.",
                path,
                lineNumber,
                ex);
        }

        using (document)
        {
            var element = Navigate(document.RootElement, field);
            if (element is { ValueKind: JsonValueKind.String } value)
            {
                return value.GetString()!;
            }

            var found = element is null ? "has no field" : $"has a {element.Value.ValueKind.ToString().ToLowerInvariant()} instead of a string at";
            throw new DataFileException(
                $"{path}:{lineNumber}: the record {found} '{field}'. Give the name of the string field that holds the text "
                + "(nested paths such as messages.0.content are supported), or fix the record.",
                path,
                lineNumber);
        }
    }

    private static JsonElement? Navigate(JsonElement root, string field)
    {
        // A property whose name itself contains dots wins over the dotted path.
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(field, out var direct))
        {
            return direct;
        }

        var current = root;
        foreach (var segment in field.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var property))
            {
                current = property;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
