using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// Assesses every input of a data file for prompt injection: a text file where each non-blank line is one input, or a
/// JSON Lines file where one string field of each record is the input.
/// </summary>
/// <remarks>
/// <para>Streaming: only one line is held in memory at a time, so memory does not grow with the size of the file.
/// Results carry scores and signal names, never the inputs themselves.</para>
/// <para>Thread-safety: an instance holds no per-scan state and may be used for several files concurrently.</para>
/// </remarks>
public sealed class InjectionFileScanner
{
    private readonly PromptInjectionDetector _detector;
    private readonly InjectionSource _source;

    /// <summary>Creates a file scanner.</summary>
    /// <param name="detector">The detector to apply to each input; <see cref="PromptInjectionDetector.Default"/> when null.</param>
    /// <param name="source">Whether the inputs are user turns or untrusted content.</param>
    public InjectionFileScanner(PromptInjectionDetector? detector = null, InjectionSource source = InjectionSource.User)
    {
        _detector = detector ?? PromptInjectionDetector.Default;
        _source = source;
    }

    /// <summary>Assesses a file and yields one result per input, in file order.</summary>
    /// <param name="path">The file to scan.</param>
    /// <param name="field">
    /// For a JSON Lines file, the string field that holds the input: a property name, or a dotted path such as
    /// <c>turns.0.content</c> where numbers index arrays. When null every non-blank line is one input.
    /// </param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The results, streamed as lines are read.</returns>
    /// <exception cref="DataFileException">A JSON line is not valid JSON, or has no string value at <paramref name="field"/>.</exception>
    public IAsyncEnumerable<InjectionFileResult> ScanAsync(string path, string? field = null, CancellationToken cancellationToken = default) =>
        ScanAsync(path, field, null, cancellationToken);

    /// <summary>
    /// Assesses a JSON Lines file of untrusted content with the user's request of each record: a planted task the user
    /// asked for is content, and a task unrelated to the request weighs more (<see cref="PromptInjectionDetector.Assess(string, InjectionSource, string?)"/>).
    /// </summary>
    /// <param name="path">The file to scan.</param>
    /// <param name="field">The JSON Lines field that holds the input, or null for plain text lines (then <paramref name="requestField"/> must be null).</param>
    /// <param name="requestField">
    /// The string field that holds the user's request about the input, or null for none. An empty string means the record
    /// has no request. Only read for untrusted content: a user turn is its own request.
    /// </param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The results, streamed as lines are read.</returns>
    /// <exception cref="ArgumentException">A request field without a field, or for user turns.</exception>
    /// <exception cref="DataFileException">A JSON line is not valid JSON, or has no string value at <paramref name="field"/> or <paramref name="requestField"/>.</exception>
    public async IAsyncEnumerable<InjectionFileResult> ScanAsync(
        string path, string? field, string? requestField, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (requestField is not null && (field is null || _source != InjectionSource.Untrusted))
        {
            throw new ArgumentException(
                "A request field is read from JSON Lines records of untrusted content: give the field that holds the content too, and assess the inputs as untrusted.",
                nameof(requestField));
        }

        if (requestField is null)
        {
            await foreach (var (lineNumber, text) in DataFileLines.ReadAsync(path, field, cancellationToken).ConfigureAwait(false))
            {
                yield return new InjectionFileResult(lineNumber, _detector.Assess(text, _source));
            }

            yield break;
        }

        await foreach (var (lineNumber, line) in DataFileLines.ReadAsync(path, null, cancellationToken).ConfigureAwait(false))
        {
            var (text, request) = JsonLinesField.Read(line, field!, requestField, path, lineNumber);
            yield return new InjectionFileResult(lineNumber, _detector.Assess(text, _source, request.Length == 0 ? null : request));
        }
    }

    /// <summary>
    /// Assesses a file and writes one JSON object per input, one per line, for example
    /// <c>{"line":3,"score":0.93,"verdict":"injection","signals":["instruction-override","encoded-payload"]}</c>.
    /// </summary>
    /// <param name="path">The file to scan.</param>
    /// <param name="field">The JSON Lines field that holds the input, or null for plain text lines; see <see cref="ScanAsync(string, string?, CancellationToken)"/>.</param>
    /// <param name="output">Where to write the JSON lines.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>How many inputs were assessed, and how many of them were not benign.</returns>
    /// <exception cref="DataFileException">
    /// A JSON line is not valid JSON, or has no string value at <paramref name="field"/>; the results of the inputs before it
    /// have been written.
    /// </exception>
    public Task<(int Inputs, int Flagged)> ScanToJsonLinesAsync(string path, string? field, TextWriter output, CancellationToken cancellationToken = default) =>
        ScanToJsonLinesAsync(path, field, null, output, cancellationToken);

    /// <summary>As <see cref="ScanToJsonLinesAsync(string, string?, TextWriter, CancellationToken)"/>, with the user's request of each record read from <paramref name="requestField"/>; see <see cref="ScanAsync(string, string?, string?, CancellationToken)"/>.</summary>
    /// <param name="path">The file to scan.</param>
    /// <param name="field">The JSON Lines field that holds the input.</param>
    /// <param name="requestField">The JSON Lines field that holds the user's request, or null for none.</param>
    /// <param name="output">Where to write the JSON lines.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>How many inputs were assessed, and how many of them were not benign.</returns>
    /// <exception cref="DataFileException">A JSON line is not valid JSON, or lacks one of the fields; the results before it have been written.</exception>
    public async Task<(int Inputs, int Flagged)> ScanToJsonLinesAsync(string path, string? field, string? requestField, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var batch = new JsonLinesBatch(output);
        int inputs = 0, flagged = 0;
        try
        {
            await foreach (var result in ScanAsync(path, field, requestField, cancellationToken).ConfigureAwait(false))
            {
                var assessment = result.Assessment;
                var writer = batch.Begin();
                writer.WriteStartObject();
                writer.WriteNumber("line", result.Line);
                writer.WriteNumber("score", Math.Round(assessment.Score, 2));
                writer.WriteString("verdict", assessment.Verdict.ToString().ToLowerInvariant());
                writer.WriteStartArray("signals");
                foreach (var name in assessment.SignalNames)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                await batch.EndAsync(cancellationToken).ConfigureAwait(false);
                inputs++;
                flagged += assessment.Verdict == InjectionVerdict.Benign ? 0 : 1;
            }
        }
        catch (DataFileException)
        {
            // The results of the inputs before the bad record are written before the error is reported.
            await batch.FlushAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }

        await batch.FlushAsync(cancellationToken).ConfigureAwait(false);
        return (inputs, flagged);
    }
}
