using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// Writes JSON Lines to a <see cref="TextWriter"/> in batches: records are encoded into one buffer and handed to the
/// writer about every 32 KB, so a scan that reports a hundred thousand findings makes a few hundred writes, not a
/// hundred thousand (a console writer flushes, and makes a system call, on every write).
/// </summary>
/// <remarks>One instance per output; not thread-safe. Call <see cref="FlushAsync"/> at the end.</remarks>
internal sealed class JsonLinesBatch : IDisposable
{
    private const int BatchBytes = 32 * 1024;

    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(BatchBytes + 1024);
    private readonly Utf8JsonWriter _writer;

    public JsonLinesBatch(TextWriter output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>Starts a record: the returned writer is positioned for one top-level JSON value.</summary>
    public Utf8JsonWriter Begin()
    {
        _writer.Reset(_buffer);
        return _writer;
    }

    /// <summary>Ends the record begun by <see cref="Begin"/> and writes the batch out when it is full.</summary>
    public ValueTask EndAsync(CancellationToken cancellationToken)
    {
        _writer.Flush();
        _buffer.Write("\n"u8);
        return _buffer.WrittenCount >= BatchBytes ? new ValueTask(FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    /// <summary>Writes out what is buffered.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        var text = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        await _output.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _writer.Dispose();
}
