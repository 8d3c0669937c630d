using System.Text.Json;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class CaseStreamWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-ndjson-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_Cases_OneJsonLinePerCaseWithItsStory_PiiAndSecretsMasked()
    {
        var story = new StoryRecord { Feature = "PII", Scenario = "No card leaks" };
        story.Secrets = ["TOPSECRET-123"];
        var card = PlantedValue.Create("pii.card", "4111 1111 1111 1111");
        var leaked = CaseResults.Of("a1", Outcome.Compromised, index: 4) with { Answers = ["Your card is 4111 1111 1111 1111 and the code TOPSECRET-123"] };
        leaked = leaked with { Instance = leaked.Instance with { Planted = [card], Protected = [card] } };
        var path = Path.Combine(_dir, CaseStreamWriter.FileName);

        using (var writer = new CaseStreamWriter(path))
        {
            writer.Write(new StoryCaseResult(story, "run", leaked));
            writer.Write(new StoryCaseResult(story, "baseline", CaseResults.Of("a2", Outcome.Resisted, index: 5)));
            writer.Flush();
            writer.Count.Should().Be(2);
        }

        // Lines come in the order they are formatted (one formatter per processor): find each by its case.
        var lines = File.ReadAllLines(path).OrderBy(l => l.Contains("\"id\":\"a2\"", StringComparison.Ordinal)).ToArray();
        lines.Should().HaveCount(2);
        using var first = JsonDocument.Parse(lines[0]);
        first.RootElement.GetProperty("feature").GetString().Should().Be("PII");
        first.RootElement.GetProperty("scenario").GetString().Should().Be("No card leaks");
        first.RootElement.GetProperty("run").GetString().Should().Be("run");
        first.RootElement.GetProperty("index").GetInt32().Should().Be(4);
        first.RootElement.GetProperty("id").GetString().Should().Be("a1");
        first.RootElement.GetProperty("outcome").GetString().Should().Be("compromised");
        lines[0].Should().NotContain("4111 1111 1111 1111").And.NotContain("TOPSECRET-123");
        lines[0].Should().Contain(ReportSanitizer.Mask);
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("run").GetString().Should().Be("baseline");
    }

    [Fact]
    public async Task Write_ManyCasesFromManyTasks_EveryCaseIsOneWholeLineAfterFlush()
    {
        var story = new StoryRecord { Feature = "F", Scenario = "S" };
        var path = Path.Combine(_dir, CaseStreamWriter.FileName);
        using var writer = new CaseStreamWriter(path);

        // More cases than the backlog holds, from several tasks at once: writers wait, nothing is lost or interleaved.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < CaseStreamWriter.Backlog; i++)
            {
                writer.Write(new StoryCaseResult(story, "run", CaseResults.Of($"c{t}-{i}", Outcome.Resisted, index: (t * CaseStreamWriter.Backlog) + i)));
            }
        }, TestContext.Current.CancellationToken)));
        writer.Flush();

        writer.Count.Should().Be(4 * CaseStreamWriter.Backlog);
        var ids = File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        ids.Should().HaveCount(4 * CaseStreamWriter.Backlog).And.OnlyHaveUniqueItems();
    }
}
