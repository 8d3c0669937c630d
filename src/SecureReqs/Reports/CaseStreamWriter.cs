using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace SecureReqs;

/// <summary>
/// Writes <c>results.ndjson</c>: one line per case as it finishes, with its story, request and answers (PII masked,
/// the story's secrets masked), outcome, finding and cost. The reports keep counts and samples; this file keeps every
/// case, so a run's memory stays flat however many cases it sends.
/// </summary>
/// <remarks>Thread-safe. Lines are in the order cases finish; each names its story and case. Cases are masked and
/// written by a task of its own, so a run's sending is not held up by it; at most <see cref="Backlog"/> cases wait.</remarks>
public sealed class CaseStreamWriter : IDisposable
{
    /// <summary>The file's name in a report folder.</summary>
    public const string FileName = "results.ndjson";

    /// <summary>How many cases may wait to be written before <see cref="Write"/> waits.</summary>
    public const int Backlog = 4096;

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Backlog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _writer;
    private readonly FileStream _file;
    private readonly string? _sourceRoot;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly ConditionalWeakTable<StoryRecord, ReportSanitizer> _sanitizers = [];
    private static readonly byte[] NewLine = "\n"u8.ToArray();

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

        _writer = Task.Run(WriteQueuedAsync);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>How many cases were written so far (all of them after <see cref="Flush"/>).</summary>
    public long Count => Interlocked.Read(ref _count);

    private long _count;

    /// <summary>Queues one finished case to be written.</summary>
    /// <param name="item">The case and its story.</param>
    /// <exception cref="SecureReqsException">The file could not be written.</exception>
    public void Write(StoryCaseResult item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_queue.Writer.TryWrite(item))
        {
            // The backlog is full: wait for the writer, so memory stays bounded.
            Wait(_queue.Writer.WriteAsync(item).AsTask());
        }
    }

    /// <summary>Waits until every queued case is on the disk.</summary>
    /// <exception cref="SecureReqsException">The file could not be written.</exception>
    public void Flush()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Wait(_queue.Writer.WriteAsync(flushed).AsTask());
        Wait(Task.WhenAny(flushed.Task, _writer).Unwrap());
        if (_writer.IsFaulted)
        {
            Wait(_writer);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        try
        {
            _writer.GetAwaiter().GetResult();
        }
        catch (SecureReqsException)
        {
            // Reported by Flush or Write already; disposing never throws.
        }
        finally
        {
            _file.Dispose();
        }
    }

    private static void Wait(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            throw new SecureReqsException("results.ndjson is closed: no more cases can be written to it.");
        }
    }

    private async Task WriteQueuedAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item is TaskCompletionSource flushed)
            {
                await _file.FlushAsync().ConfigureAwait(false);
                flushed.SetResult();
                continue;
            }

            try
            {
                WriteLine((StoryCaseResult)item);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _queue.Writer.TryComplete(ex);
                throw new SecureReqsException($"Cannot write {Path}: {ex.Message} Choose a report folder you can write with --report.", ex);
            }
        }
    }

    private void WriteLine(StoryCaseResult item)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
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
        var sanitizer = _sanitizers.GetValue(item.Story, story => new ReportSanitizer(story.Secrets, _sourceRoot));
        var line = sanitizer.Clean(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _file.Write(Encoding.UTF8.GetBytes(line));
        _file.Write(NewLine);
        Interlocked.Increment(ref _count);
    }
}
