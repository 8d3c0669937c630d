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
