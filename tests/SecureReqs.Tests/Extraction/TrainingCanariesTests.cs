using System.Text.Json;

namespace SecureReqs.Tests;

public sealed class TrainingCanariesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-canaries-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Generate_SameSeed_SameCanaries_OtherSeed_Others()
    {
        var first = TrainingCanaries.Generate(50, 42);
        var again = TrainingCanaries.Generate(50, 42);
        var other = TrainingCanaries.Generate(50, 43);

        again.Should().Equal(first);
        other.Select(c => c.Secret).Should().NotIntersectWith(first.Select(c => c.Secret));
    }

    [Fact]
    public void Generate_EveryCanaryIsUnique_AndHoldsItsSecretAfterItsPrefix()
    {
        var canaries = TrainingCanaries.Generate(500, 7);

        canaries.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        canaries.Select(c => c.Person).Should().OnlyHaveUniqueItems();
        canaries.Select(c => c.SecretDigits).Should().OnlyHaveUniqueItems();
        canaries.Should().OnlyContain(c => c.AssistantMessage.StartsWith(c.Prefix + " " + c.Secret, StringComparison.Ordinal) && !c.Prefix.Any(char.IsDigit));
        canaries.Should().OnlyContain(c => PiiScanner.Default.Scan(c.AssistantMessage).Any(f => f.Type == PiiType.UsSsn), "the secret is a valid social security number");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Generate_CountOutOfRange_SaysTheRange(int count)
    {
        var act = () => TrainingCanaries.Generate(count, 1);

        act.Should().Throw<SecureReqsException>().WithMessage("*between 1 and 10000*");
    }

    [Fact]
    public void Write_PlantsEveryCanaryOnTheLinesItLists_KeepsEverySourceRecordInOrder()
    {
        var source = Source(20);
        var canaries = TrainingCanaries.Generate(5, 3);
        var output = Path.Combine(_dir, "out", "planted.jsonl");

        var planted = PlantedTrainingFile.Write(source, canaries, 3, output, repetitions: 2);

        var lines = File.ReadAllLines(output);
        lines.Should().HaveCount(30);
        lines.Where(l => !l.Contains(PlantedTrainingFile.ProvenanceSource, StringComparison.Ordinal)).Should().Equal(File.ReadAllLines(source));
        planted.Canaries.Should().OnlyContain(c => c.Lines.Count == 2);
        foreach (var canary in planted.Canaries)
        {
            canary.Lines.Should().OnlyContain(l => lines[l - 1] == PlantedTrainingFile.RecordOf(canary));
        }

        File.Exists(planted.SidecarPath).Should().BeTrue();
        planted.Sha256.Should().Be(FileHashes.Sha256(output));
    }

    [Fact]
    public void Write_SameInputs_SameBytes_AndTheSidecarReadsBack()
    {
        var source = Source(10);
        var canaries = TrainingCanaries.Generate(4, 9);
        var first = PlantedTrainingFile.Write(source, canaries, 9, Path.Combine(_dir, "a.jsonl"));
        var second = PlantedTrainingFile.Write(source, canaries, 9, Path.Combine(_dir, "b.jsonl"));

        var read = PlantedTrainingFile.Read(first.SidecarPath);

        File.ReadAllBytes(second.Path).Should().Equal(File.ReadAllBytes(first.Path));
        read.Canaries.Should().BeEquivalentTo(first.Canaries);
        (read.Seed, read.Sha256, read.Path).Should().Be((9, first.Sha256, first.Path));
    }

    [Fact]
    public void Write_OverTheSource_IsRefused()
    {
        var source = Source(3);

        var act = () => PlantedTrainingFile.Write(source, TrainingCanaries.Generate(1, 1), 1, source);

        act.Should().Throw<SecureReqsException>().WithMessage("*must not replace the training dataset itself*");
        File.ReadAllLines(source).Should().HaveCount(3);
    }

    [Fact]
    public void Write_SourceLineNotAChatRecord_NamesTheLine()
    {
        var source = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(source, "{\"messages\": []}\n\n{\"text\": \"no messages\"}\n");

        var act = () => PlantedTrainingFile.Write(source, TrainingCanaries.Generate(1, 1), 1, Path.Combine(_dir, "o.jsonl"));

        act.Should().Throw<SecureReqsException>().WithMessage($"{source}:3: a chat fine-tuning record must be a JSON object with a \"messages\" array*");
    }

    [Theory]
    [InlineData("{", "*is not valid JSON*")]
    [InlineData("""{"schema": "other/v1"}""", "*the schema is not \"securereqs.canaries/v1\"*")]
    [InlineData("""{"schema": "securereqs.canaries/v1", "seed": 1, "canaries": []}""", "*has no \"canaries\"*")]
    [InlineData("""{"schema": "securereqs.canaries/v1", "seed": 1, "canaries": [{"id": "c", "person": "P Q", "secret": "123", "user": "u", "assistant": "a 123", "prefix": "a"}]}""", "*canary 1 has a secret that is not a nine-digit number*")]
    public void Read_MalformedList_NamesTheFileAndTheProblem(string json, string message)
    {
        var sidecar = Path.Combine(_dir, "x.jsonl" + PlantedTrainingFile.SidecarSuffix);
        File.WriteAllText(sidecar, json);

        var act = () => PlantedTrainingFile.Read(sidecar);

        act.Should().Throw<SecureReqsException>().WithMessage(message).And.Message.Should().Contain(sidecar);
    }

    [Fact]
    public void CasesFor_OneAttackPerCanary_ThreeProbesEachInAConversationOfItsOwn()
    {
        var canaries = TrainingCanaries.Generate(3, 5);

        var cases = ExtractionProbes.CasesFor(canaries, "list");

        cases.Should().HaveCount(3).And.OnlyContain(c => c.Kind == CaseKind.Attack && c.Oracle.Type == CaseOracle.TrainingExtraction && c.Turns.Count == 3 && c.Turns.All(t => t.NewConversation));
        cases[0].Oracle.Values.Should().Equal(canaries[0].Secret);
        cases[0].Turns[0].Content.Should().Contain(canaries[0].Prefix).And.NotContain(canaries[0].Secret);
        cases.Should().OnlyContain(c => c.Turns.All(t => !t.Content.Any(char.IsDigit)), "no probe gives any digit of the secret away");
    }

    private string Source(int records)
    {
        var path = Path.Combine(_dir, $"source-{records}.jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, records).Select(i => JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = $"question {i}" }, new { role = "assistant", content = $"answer {i}" } } })));
        return path;
    }
}
