using SecureReqs.Reqnroll;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class DataStoryDriverTests : IDisposable
{
    private const string Provenance = ",\"provenance\":{\"source\":\"consented tickets\"}";

    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-data-").FullName;
    private readonly (string PrivatePem, string PublicPem) _key = TestSigningKeys.Create();
    private readonly SecureReqsSettings _settings;
    private readonly List<SecurityStory> _stories = [];

    public DataStoryDriverTests()
    {
        _settings = new SecureReqsSettings
        {
            DatasetsDirectory = Path.Combine(_dir, "adversarial-datasets"),
            RepositoryRoot = _dir,
            TrustedSignersFile = Path.Combine(_dir, ".securereqs", "trusted-signers.pem"),
        };
        Write(".securereqs/trusted-signers.pem", _key.PublicPem);
        Write("adversarial-datasets/mini/cases.jsonl", "{\"id\":\"a1\"}\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RequireDatasetMatchesManifest_Signed_PassesAndIsRecorded()
    {
        await SignAsync("adversarial-datasets/mini");
        var driver = Driver();
        driver.RequireDatasetMatchesManifest("mini");

        var result = (await ExecuteAsync()).Single();

        result.Verdict.Should().Be(Verdict.Pass);
        result.Message.Should().MatchRegex("^The dataset \"mini\" matches its signed manifest: 1 files, signed by trusted key [0-9a-f]{16} on ");
        _settings.Journal.Stories.Single().Requirements.Should().ContainSingle().Which.Requirement.Should().Be("the dataset \"mini\" matches its signed manifest");
    }

    [Fact]
    public async Task RequireDatasetMatchesManifest_FileChanged_FailsNamingTheFile()
    {
        await SignAsync("adversarial-datasets/mini");
        Write("adversarial-datasets/mini/cases.jsonl", "{\"id\":\"a2\"}\n");
        Driver().RequireDatasetMatchesManifest("mini");

        var result = (await ExecuteAsync()).Single();

        result.Verdict.Should().Be(Verdict.Fail);
        result.Message.Should().Match("Expected the dataset \"mini\" to match its signed manifest, but 1 problem was found:\n  cases.jsonl: content changed (sha256 *");
        _settings.Journal.Stories.Single().Requirements.Single().Verdict.Should().Be(Verdict.Fail);
    }

    [Fact]
    public async Task RequireDatasetMatchesManifest_Unsigned_FailsWithMissingManifest()
    {
        Driver().RequireDatasetMatchesManifest("mini");

        var result = (await ExecuteAsync()).Single();

        result.Verdict.Should().Be(Verdict.Fail);
        result.Message.Should().Match("*no signed manifest*securereqs manifest create*");
    }

    [Fact]
    public void RequireDatasetMatchesManifest_UnknownDataset_ListsKnownOnes()
    {
        var act = () => Driver().RequireDatasetMatchesManifest("nope");

        act.Should().Throw<SecureReqsException>().WithMessage("Unknown dataset \"nope\".*Known datasets: \"mini\".*");
    }

    [Fact]
    public async Task RequireArtifactMatchesManifest_SignedThenAltered_Fails()
    {
        Write("models/classifier.onnx", "weights");
        await SignAsync("models/classifier.onnx");
        Driver().RequireArtifactMatchesManifest("models/classifier.onnx");
        (await ExecuteAsync()).Single().Verdict.Should().Be(Verdict.Pass);
        Write("models/classifier.onnx", "weightz");
        Driver().RequireArtifactMatchesManifest("models/classifier.onnx");

        var result = (await ExecuteAsync(1)).Single();

        result.Verdict.Should().Be(Verdict.Fail);
        result.Message.Should().Match("Expected the model artifact \"models/classifier.onnx\" to match*classifier.onnx: content changed*");
    }

    [Fact]
    public void UseTrainingDataset_MissingFile_SaysWhatToWriteWithoutAnAbsolutePath()
    {
        var act = () => Driver().UseTrainingDataset("training/none.jsonl");

        act.Should().Throw<SecureReqsException>().WithMessage("The training dataset \"training/none.jsonl\" was not found in the repository*Write its path relative to the repository root.")
            .Which.Message.Should().NotContain(_dir);
    }

    [Fact]
    public async Task RecordChecks_CleanFile_PassEachCheck()
    {
        Write("training/clean.jsonl", "{\"text\":\"Reset link sent to [email].\"" + Provenance + "}\n");
        var driver = Driver();
        driver.UseTrainingDataset("training/clean.jsonl");
        driver.RequireNoUnmaskedPii();
        driver.RequireNoInjectionPayload();
        driver.RequireEveryRecordHasProvenance();

        var results = await ExecuteAsync();

        results.Should().HaveCount(3).And.OnlyContain(r => r.Verdict == Verdict.Pass);
        results[0].Message.Should().Be("No record of training/clean.jsonl contains unmasked PII: holds for all 1 records.");
        _settings.Journal.Stories.Single().Requirements.Should().HaveCount(3);
    }

    [Fact]
    public async Task RequireNoUnmaskedPii_ManyLeaks_ListsTenWithMaskedEvidenceAndTheTotal()
    {
        Write("training/leaky.jsonl", string.Join('\n', Enumerable.Range(1, 12).Select(i => $"{{\"text\":\"write to user{i}@example.com\"{Provenance}}}")) + "\n");
        var driver = Driver();
        driver.UseTrainingDataset("training/leaky.jsonl");
        driver.RequireNoUnmaskedPii();

        var message = (await ExecuteAsync()).Single().Message;

        message.Should().StartWith("Expected no record of training/leaky.jsonl to contain unmasked PII, but 12 of 12 records do (12 findings):\n  training/leaky.jsonl:1 $.text: unmasked e-mail address (write to [email])\n");
        message.Should().Contain("\n  training/leaky.jsonl:10 $.text:").And.NotContain("leaky.jsonl:11").And.EndWith("\n  … and 2 more (12 in all).");
        message.Should().NotContain("@example.com");
    }

    [Fact]
    public async Task RequireEveryRecordHasProvenance_RecordWithout_Fails()
    {
        Write("training/mixed.jsonl", "{\"text\":\"a\"" + Provenance + "}\n{\"text\":\"b\"}\n");
        var driver = Driver();
        driver.UseTrainingDataset("training/mixed.jsonl");
        driver.RequireEveryRecordHasProvenance();

        var result = (await ExecuteAsync()).Single();

        result.Verdict.Should().Be(Verdict.Fail);
        result.Message.Should().Be("Expected every record of training/mixed.jsonl to have provenance (a \"provenance\" object with a non-empty \"source\"), but 1 of 2 records do not:\n  training/mixed.jsonl:2 $.provenance: no provenance: the record has no \"provenance\" object");
    }

    [Fact]
    public async Task RequireNoInjectionPayload_NotJsonLines_IsAProblemNamingTheLine()
    {
        Write("training/bad.jsonl", "{\"text\":\"a\"}\n[\"b\"]\n");
        var driver = Driver();
        driver.UseTrainingDataset("training/bad.jsonl");
        driver.RequireNoInjectionPayload();

        var result = (await ExecuteAsync()).Single();

        result.Problem.Should().BeTrue();
        result.Message.Should().Match("*training/bad.jsonl:2: each line must be one JSON object (JSON Lines); found an array*");
    }

    [Fact]
    public void RecordChecks_NoTrainingDataset_SayWhichStepIsMissing()
    {
        var act = () => Driver().RequireNoUnmaskedPii();

        act.Should().Throw<SecureReqsException>().WithMessage("No training dataset chosen: add a step 'Given the training dataset \"<file>\"'*");
    }

    private DataStoryDriver Driver()
    {
        var story = new SecurityStory(_settings.Journal.Begin("Data", "integrity", []), _settings.StoryOptions());
        _stories.Add(story);
        return new DataStoryDriver(_settings, story);
    }

    private Task<IReadOnlyList<RequirementResult>> ExecuteAsync(int index = 0) =>
        _stories[index].ExecuteAsync(TestContext.Current.CancellationToken);

    private async Task SignAsync(string relative)
    {
        using var key = ManifestSigningKey.FromPem(_key.PrivatePem, "test key");
        await new SignedManifestWriter(key).CreateAllAsync(Path.Combine(_dir, relative), null, TestContext.Current.CancellationToken);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
