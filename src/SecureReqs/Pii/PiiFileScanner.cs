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
        await foreach (var (lineNumber, text) in DataFileLines.ReadAsync(path, field, cancellationToken).ConfigureAwait(false))
        {
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
    /// <exception cref="DataFileException">
    /// A JSON line is not valid JSON, or has no string value at <paramref name="field"/>; the findings of the lines before
    /// it have been written.
    /// </exception>
    public async Task<int> ScanToJsonLinesAsync(string path, string? field, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);

        // The records are written by hand into a character buffer handed to the writer about every 32 KB (the same text,
        // and the same writes, as a Utf8JsonWriter per record gave: PiiFileScannerTests compare the two): a JSON writer
        // per finding, its UTF-8 bytes decoded back into a string, and an asynchronous step per finding cost more than
        // the scan on text with many values. Lines are read synchronously (DataFileLines.Read).
        // A record that cannot be read stops the scan, but the findings of the records before it are written first: a
        // scan that ends on a bad line 90,000 still reports what lines 1 to 89,999 hold.
        var buffer = new char[BatchChars + MaxRecordChars];
        var length = 0;
        var count = 0;
        try
        {
            foreach (var (lineNumber, text) in DataFileLines.Read(path, field, cancellationToken))
            {
                var findings = _scanner.Scan(text);
                for (var i = 0; i < findings.Count; i++)
                {
                    length += FormatRecord(buffer.AsSpan(length), lineNumber, findings[i]);
                    count++;
                    if (length >= BatchChars)
                    {
                        await output.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                        length = 0;
                    }
                }
            }
        }
        catch (DataFileException)
        {
            await output.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            throw;
        }

        if (length > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    // Records are ASCII, so characters and UTF-8 bytes count the same: a batch is written at the 32 KB JsonLinesBatch used.
    private const int BatchChars = 32 * 1024;

    // {"line":<20>,"start":<11>,"end":<11>,"type":"<name>"} and a line break, with room to spare.
    private const int MaxRecordChars = 256;

    // Each type's name as Utf8JsonWriter writes it (JsonEncodedText uses the same default encoder).
    private static readonly Dictionary<PiiType, string> _jsonNames =
        PiiType.All.ToDictionary(t => t, t => JsonEncodedText.Encode(t.Name).ToString());

    /// <summary>Writes <c>{"line":…,"start":…,"end":…,"type":"…"}</c> and a line break; returns the characters written.</summary>
    internal static int FormatRecord(Span<char> buffer, long line, PiiFinding finding)
    {
        var name = _jsonNames.TryGetValue(finding.Type, out var known) ? known : JsonEncodedText.Encode(finding.Type.Name).ToString();
        var n = 0;
        Append(buffer, ref n, "{\"line\":");
        line.TryFormat(buffer[n..], out var written, default, CultureInfo.InvariantCulture);
        n += written;
        Append(buffer, ref n, ",\"start\":");
        finding.Start.TryFormat(buffer[n..], out written, default, CultureInfo.InvariantCulture);
        n += written;
        Append(buffer, ref n, ",\"end\":");
        finding.End.TryFormat(buffer[n..], out written, default, CultureInfo.InvariantCulture);
        n += written;
        Append(buffer, ref n, ",\"type\":\"");
        Append(buffer, ref n, name);
        Append(buffer, ref n, "\"}\n");
        return n;
    }

    private static void Append(Span<char> buffer, ref int n, string text)
    {
        text.CopyTo(buffer[n..]);
        n += text.Length;
    }
}
