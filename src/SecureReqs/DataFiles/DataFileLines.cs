using System.Runtime.CompilerServices;
using System.Text;

namespace SecureReqs;

/// <summary>Streams the inputs of a data file: each non-blank line of a text file, or one field of each JSON Lines record.</summary>
/// <remarks>Shared by the PII and injection file scanners; memory does not grow with the file.</remarks>
internal static class DataFileLines
{
    /// <summary>The 1-based line number and text of each non-blank line (or its <paramref name="field"/>).</summary>
    /// <exception cref="ArgumentException">The field name is blank.</exception>
    /// <exception cref="DataFileException">A JSON line is not valid JSON, or has no string at <paramref name="field"/>.</exception>
    public static async IAsyncEnumerable<(long Line, string Text)> ReadAsync(string path, string? field, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CheckArguments(path, field);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                // A blank line holds no input; JSON Lines writers often end files with one.
                continue;
            }

            yield return (lineNumber, field is null ? line : JsonLinesField.Read(line, field, path, lineNumber));
        }
    }

    /// <summary>
    /// The same lines as <see cref="ReadAsync"/>, read synchronously through a larger buffer: for a scan that spends a few
    /// microseconds per line, an asynchronous read per line (a state machine, and a thread-pool hop per buffer) cost more
    /// than the scan of short lines.
    /// </summary>
    /// <exception cref="ArgumentException">The field name is blank.</exception>
    /// <exception cref="DataFileException">A JSON line is not valid JSON, or has no string at <paramref name="field"/>.</exception>
    public static IEnumerable<(long Line, string Text)> Read(string path, string? field, CancellationToken cancellationToken)
    {
        CheckArguments(path, field);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return (lineNumber, field is null ? line : JsonLinesField.Read(line, field, path, lineNumber));
        }
    }

    private static void CheckArguments(string path, string? field)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (field is not null && string.IsNullOrWhiteSpace(field))
        {
            throw new ArgumentException("The field name must not be blank; omit it to scan plain text lines.", nameof(field));
        }
    }
}
