using System.Buffers;
using System.Text;

namespace SecureReqs.Tests.Pii;

public sealed class PiiFileScannerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("securereqs-pii-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ScanAsync_TextFile_YieldsLineNumbersAndOffsetsWithinTheLine()
    {
        var path = Write("records.txt", "nothing here\nmail a@example.com\r\n\ncard 4111 1111 1111 1111 and 10.0.0.1\n");

        var findings = await ScanAll(path, field: null);

        findings.Should().Equal(
            new PiiFileFinding(2, 5, 18, "email"),
            new PiiFileFinding(4, 5, 24, "payment-card"),
            new PiiFileFinding(4, 29, 37, "ip-address"));
    }

    [Fact]
    public async Task ScanAsync_JsonLinesWithEmojiBeforeTheCard_OffsetsAreUtf16OfTheDecodedField()
    {
        var path = Write(
            "cases.jsonl",
            "{\"id\":1,\"text\":\"\\ud83d\\ude00 card 4111111111111111\"}\n"
            + "{\"id\":2,\"text\":\"\u00e9\u00e9 \\\"quoted\\\" a@example.com\"}\n");

        var findings = await ScanAll(path, "text");

        findings.Should().Equal(
            new PiiFileFinding(1, 8, 24, "payment-card"),
            new PiiFileFinding(2, 12, 25, "email"));
    }

    [Fact]
    public async Task ScanAsync_NestedFieldPath_ScansThatValue()
    {
        var path = Write(
            "chats.jsonl",
            "{\"messages\":[{\"role\":\"system\",\"content\":\"be nice\"},{\"role\":\"user\",\"content\":\"SSN 536-22-1234\"}]}\n");

        var findings = await ScanAll(path, "messages.1.content");

        findings.Should().Equal(new PiiFileFinding(1, 4, 15, "us-ssn"));
    }

    [Fact]
    public async Task ScanAsync_MalformedJsonLine_ThrowsNamingFileAndLine()
    {
        var path = Write("bad.jsonl", "{\"text\":\"ok\"}\n{\"text\": \"unterminated\n");

        var act = () => ScanAll(path, "text");

        var error = (await act.Should().ThrowAsync<DataFileException>()).Which;
        error.File.Should().Be(path);
        error.Line.Should().Be(2);
        error.Message.Should().StartWith($"{path}:2: the line is not valid JSON").And.Contain("fix or remove the line");
    }

    [Fact]
    public async Task ScanAsync_RecordWithoutTheField_ThrowsNamingFieldFileAndLine()
    {
        var path = Write("missing.jsonl", "{\"text\":\"ok\"}\n{\"txt\":\"typo\"}\n");

        var act = () => ScanAll(path, "text");

        var error = (await act.Should().ThrowAsync<DataFileException>()).Which;
        error.Line.Should().Be(2);
        error.Message.Should().Be(
            $"{path}:2: the record has no field 'text'. Give the name of the string field that holds the text "
            + "(nested paths such as messages.0.content are supported), or fix the record.");
    }

    [Fact]
    public async Task ScanToJsonLinesAsync_BadRecordAfterFindings_WritesTheEarlierFindingsThenThrows()
    {
        var path = Write("partial.jsonl", "{\"text\":\"mail a@example.com\"}\n{\"text\":\"card 4111 1111 1111 1111\"}\n{\"txt\":\"typo\"}\n");
        var output = new StringWriter();

        var act = () => new PiiFileScanner().ScanToJsonLinesAsync(path, "text", output, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<DataFileException>()).Which.Line.Should().Be(3);
        output.ToString().Should().Be(
            "{\"line\":1,\"start\":5,\"end\":18,\"type\":\"email\"}\n{\"line\":2,\"start\":5,\"end\":24,\"type\":\"payment-card\"}\n");
    }

    [Fact]
    public async Task ScanAsync_FieldIsNotAString_ThrowsSayingWhatItIs()
    {
        var path = Write("number.jsonl", "{\"text\":42}\n");

        var act = () => ScanAll(path, "text");

        (await act.Should().ThrowAsync<DataFileException>()).WithMessage("*has a number instead of a string at 'text'*");
    }

    [Fact]
    public async Task ScanToJsonLinesAsync_Findings_WritesOneJsonObjectPerLineAndReturnsTheCount()
    {
        var path = Write("out.jsonl", "{\"text\":\"x\"}\n{\"text\":\"x\"}\n{\"text\":\"pay with 4111-1111-1111-1111 ok\"}\n");
        using var output = new StringWriter { NewLine = "\n" };

        var count = await new PiiFileScanner().ScanToJsonLinesAsync(path, "text", output, TestContext.Current.CancellationToken);

        count.Should().Be(1);
        output.ToString().Should().Be("{\"line\":3,\"start\":9,\"end\":28,\"type\":\"payment-card\"}\n");
    }

    [Fact]
    public async Task ScanAsync_LargeFile_StreamsRecordsWithoutLosingAny()
    {
        var path = Path.Combine(_directory, "large.txt");
        await using (var writer = new StreamWriter(path))
        {
            for (var i = 0; i < 20_000; i++)
            {
                await writer.WriteLineAsync(i % 1000 == 0 ? $"row {i} mail user{i}@example.com" : $"row {i} plain words");
            }
        }

        var findings = await ScanAll(path, field: null);

        findings.Select(f => f.Line).Should().Equal(Enumerable.Range(0, 20).Select(i => (long)(i * 1000) + 1));
    }

    [Fact]
    public async Task ScanToJsonLinesAsync_ManyFindings_SameTextAndWritesAsAJsonWriterPerRecord()
    {
        // The records are formatted by hand; they must be exactly what a Utf8JsonWriter writes for each finding, batched
        // into the same writes (about every 32 KB), for every type, in text and JSON Lines files.
        var random = new Random(20261203);
        string[] values =
        [
            "4111 1111 1111 1111", "536-22-1234", "GB82 WEST 1234 5698 7654 32", "jane.doe@example.com", "+44 20 7946 0958",
            "10.0.0.1", "AKIAIOSFODNN7EXAMPLE", "DOB: 1990-04-12", "plain words", "2001:db8::8a2e:370:7334", "\u00e9t\u00e9 \ud83d\ude00",
        ];
        var text = new StringBuilder();
        var json = new StringBuilder();
        for (var line = 0; line < 3_000; line++)
        {
            var record = string.Join(" and ", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => values[random.Next(values.Length)]));
            text.Append(record).Append(line % 7 == 0 ? "\r\n\n" : "\n");
            json.Append(System.Text.Json.JsonSerializer.Serialize(new { id = line, text = record })).Append('\n');
        }

        foreach (var (path, field) in new[] { (Write("many.txt", text.ToString()), (string?)null), (Write("many.jsonl", json.ToString()), "text") })
        {
            var expected = await ExpectedWrites(path, field);
            using var output = new RecordingWriter();

            var count = await new PiiFileScanner().ScanToJsonLinesAsync(path, field, output, TestContext.Current.CancellationToken);

            count.Should().BeGreaterThan(3_000);
            expected.Sum(w => w.Count(c => c == '\n')).Should().Be(count);
            expected.Count.Should().BeGreaterThan(2, "the records fill several batches");
            output.Writes.Should().Equal(expected);
        }
    }

    // What ScanToJsonLinesAsync wrote before its records were formatted by hand: a Utf8JsonWriter per finding, the UTF-8
    // decoded and written out once 32 KB were buffered.
    private static async Task<List<string>> ExpectedWrites(string path, string? field)
    {
        var writes = new List<string>();
        var buffer = new ArrayBufferWriter<byte>();
        await foreach (var finding in new PiiFileScanner().ScanAsync(path, field, TestContext.Current.CancellationToken))
        {
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", finding.Line);
                writer.WriteNumber("start", finding.Start);
                writer.WriteNumber("end", finding.End);
                writer.WriteString("type", finding.Type);
                writer.WriteEndObject();
            }

            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= 32 * 1024)
            {
                writes.Add(Encoding.UTF8.GetString(buffer.WrittenSpan));
                buffer.ResetWrittenCount();
            }
        }

        if (buffer.WrittenCount > 0)
        {
            writes.Add(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        return writes;
    }

    private sealed class RecordingWriter : StringWriter
    {
        public List<string> Writes { get; } = [];

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(buffer.ToString());
            return Task.CompletedTask;
        }

        public override void Write(char value) => throw new InvalidOperationException("Records are written in batches.");

        public override void Write(string? value) => throw new InvalidOperationException("Records are written in batches.");
    }

    private static async Task<List<PiiFileFinding>> ScanAll(string path, string? field)
    {
        var findings = new List<PiiFileFinding>();
        await foreach (var finding in new PiiFileScanner().ScanAsync(path, field, TestContext.Current.CancellationToken))
        {
            findings.Add(finding);
        }

        return findings;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
