using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Collections.Concurrent;

namespace SecureReqs;

/// <summary>
/// Writes <c>results.ndjson</c>: one line per case as it finishes, with its story, request and answers (PII masked,
/// the story's secrets masked), outcome, finding and cost. The reports keep counts and samples; this file keeps every
/// case, so a run's memory stays flat however many cases it sends.
/// </summary>
/// <remarks>Thread-safe. Lines are in the order cases are formatted, about the order they finish; each names its story
/// and case. Cases are masked and formatted by one thread per processor (threads of their own, not the thread pool's,
/// which the run's requests use), so a run's sending is not held up by it; at most <see cref="Backlog"/> cases wait.</remarks>
public sealed class CaseStreamWriter : IDisposable
{
    /// <summary>The file's name in a report folder.</summary>
    public const string FileName = "results.ndjson";

    /// <summary>How many cases may wait to be written before <see cref="Write"/> waits.</summary>
    public const int Backlog = 4096;

    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly BlockingCollection<StoryCaseResult> _queue = new(Backlog);
    private readonly Thread[] _formatters;
    private readonly object _fileGate = new();
    private readonly FileStream _file;
    private readonly string? _sourceRoot;
    private readonly ConditionalWeakTable<StoryRecord, ReportSanitizer> _sanitizers = [];
    private long _queued;
    private long _count;
    private Exception? _failure;

    /// <summary>Creates (or replaces) the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sourceRoot">The folder paths in the file are made relative to, or null.</param>
    /// <exception cref="SecureReqsException">The file cannot be created.</exception>
    public CaseStreamWriter(string path, string? sourceRoot = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        _sourceRoot = sourceRoot;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecureReqsException($"Cannot create {path}: {ex.Message} Choose a report folder you can write with --report.", ex);
        }

        _formatters = [.. Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(i => new Thread(FormatQueued) { IsBackground = true, Name = $"results.ndjson {i + 1}" })];
        foreach (var thread in _formatters)
        {
            thread.Start();
        }
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>How many cases were written so far (all of them after <see cref="Flush"/>).</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Queues one finished case to be written.</summary>
    /// <param name="item">The case and its story.</param>
    /// <exception cref="SecureReqsException">The file could not be written.</exception>
    public void Write(StoryCaseResult item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ThrowIfFailed();
        Interlocked.Increment(ref _queued);
        try
        {
            // When the backlog is full this waits for the formatters, so memory stays bounded.
            _queue.Add(item);
        }
        catch (InvalidOperationException)
        {
            ThrowIfFailed();
            throw new SecureReqsException($"{Path} is closed: no more cases can be written to it.");
        }
    }

    /// <summary>Waits until every case queued so far is on the disk.</summary>
    /// <exception cref="SecureReqsException">The file could not be written.</exception>
    public void Flush()
    {
        var target = Interlocked.Read(ref _queued);
        lock (_fileGate)
        {
            while (Interlocked.Read(ref _count) < target && _failure is null)
            {
                Monitor.Wait(_fileGate);
            }

            ThrowIfFailed();
            _file.Flush();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _formatters)
        {
            thread.Join();
        }

        _file.Dispose();
        _queue.Dispose();
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new SecureReqsException($"Cannot write {Path}: {failure.Message} Choose a report folder you can write with --report.", failure);
        }
    }

    private void FormatQueued()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            var line = Format(item, buffer);
            lock (_fileGate)
            {
                try
                {
                    if (_failure is null)
                    {
                        _file.Write(line);
                        _file.Write(NewLine);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Recorded once: the next Write or Flush says it; the remaining cases are dropped with the file.
                    _failure = ex;
                }

                Interlocked.Increment(ref _count);
                Monitor.PulseAll(_fileGate);
            }
        }
    }

    private byte[] Format(StoryCaseResult item, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            ResultsJsonWriter.WriteEvidence(json, item.Case, head =>
            {
                head.WriteString("feature", item.Story.Feature);
                head.WriteString("scenario", item.Story.Scenario);
                head.WriteString("run", item.Run);
                head.WriteNumber("index", item.Case.Instance.Index);
            });
        }

        // Secrets are masked line by line, with the story's own list (its system prompt's secrets, its canaries).
        ReportSanitizer sanitizer;
        lock (_sanitizers)
        {
            sanitizer = _sanitizers.GetValue(item.Story, story => new ReportSanitizer(story.Secrets, _sourceRoot));
        }

        return Encoding.UTF8.GetBytes(sanitizer.Clean(Encoding.UTF8.GetString(buffer.WrittenSpan)));
    }
}
