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
    /// <exception cref="DataFileException">A JSON line is not valid JSON, or has no string value at <paramref name="field"/>.</exception>
    public async Task<int> ScanToJsonLinesAsync(string path, string? field, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var batch = new JsonLinesBatch(output);
        var count = 0;
        await foreach (var finding in ScanAsync(path, field, cancellationToken).ConfigureAwait(false))
        {
            var writer = batch.Begin();
            writer.WriteStartObject();
            writer.WriteNumber("line", finding.Line);
            writer.WriteNumber("start", finding.Start);
            writer.WriteNumber("end", finding.End);
            writer.WriteString("type", finding.Type);
            writer.WriteEndObject();
            await batch.EndAsync(cancellationToken).ConfigureAwait(false);
            count++;
        }

        await batch.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }
}
