using SecureReqs.Testing;
using System.Text.Json.Nodes;

namespace SecureReqs.Cli.Tests;

/// <summary>Shards of a run, merged, give the run of every case; a shard alone never passes a gate.</summary>
public sealed class MergeCommandTests : IDisposable
{
    private const string Tags = "@owasp:LLM07 or @owasp:LLM06";

    private readonly string _root = Directory.CreateTempSubdirectory("securereqs-merge-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Merge_TwoShardsOfTheNaiveDemo_SameResultsAsOneRun_AndOnlyTheMergePassesTheGate()
    {
        var whole = await Run("whole");
        var first = await Run("shard-1", "--shard", "1/2");
        var second = await Run("shard-2", "--shard", "2/2");

        whole.ExitCode.Should().Be(1, whole.Output + whole.Error);
        first.ExitCode.Should().Be(0, "a shard's verdicts are not the run's: the merge decides");
        first.Output.Should().Contain("This is shard 1/2").And.Contain("securereqs merge");
        second.ExitCode.Should().Be(0, second.Output + second.Error);
        File.Exists(Path.Combine(_root, "shard-1", "shard.json")).Should().BeTrue();

        // The artifacts of a matrix, downloaded into one folder.
        var merged = await CliResult.RunAsync("merge", _root, "--features", RepoPaths.Features, "--report", Path.Combine(_root, "merged"));

        merged.ExitCode.Should().Be(1, merged.Output + merged.Error);
        merged.Output.Should().Contain("Merged 2 shards");
        var expected = Stories(Path.Combine(_root, "whole", "results.json"));
        var actual = Stories(Path.Combine(_root, "merged", "results.json"));
        actual.Count.Should().Be(6, "the tag filter picks the system prompt and agent stories");
        for (var i = 0; i < expected.Count; i++)
        {
            var at = Enumerable.Range(0, Math.Min(actual[i].Length, expected[i].Length)).FirstOrDefault(c => actual[i][c] != expected[i][c], -1);
            at.Should().Be(-1, $"story {i} of the merge must equal the run of every case, but at {at} it reads {(at < 0 ? "" : actual[i][Math.Max(0, at - 150)..Math.Min(actual[i].Length, at + 80)])} instead of {(at < 0 ? "" : expected[i][Math.Max(0, at - 150)..Math.Min(expected[i].Length, at + 80)])}");
            actual[i].Length.Should().Be(expected[i].Length);
        }
        JsonNode.Parse(File.ReadAllText(Path.Combine(_root, "merged", "results.json")))!["mergedShards"]!.GetValue<int>().Should().Be(2);
        File.ReadLines(Path.Combine(_root, "merged", "results.ndjson")).Count().Should().Be(File.ReadLines(Path.Combine(_root, "whole", "results.ndjson")).Count(), "the merged folder holds every shard's cases");

        var gateShard = await CliResult.RunAsync("gate", Path.Combine(_root, "shard-1", "results.json"));
        gateShard.ExitCode.Should().Be(1);
        gateShard.Output.Should().Contain("SHARD: these results are shard 1/2").And.Contain("securereqs merge");
        var gateMerged = await CliResult.RunAsync("gate", Path.Combine(_root, "merged", "results.json"));
        gateMerged.ExitCode.Should().Be(1, "the naive demo fails these stories");
        gateMerged.Output.Should().NotContain("SHARD:");
    }

    [Fact]
    public async Task Merge_AMissingShard_IsAUsageErrorNamingIt_AndWritesNoPassingResults()
    {
        var first = await Run("shard-1", "--shard", "1/3");
        first.ExitCode.Should().Be(0, first.Output + first.Error);

        var merged = await CliResult.RunAsync("merge", Path.Combine(_root, "shard-1"), "--features", RepoPaths.Features, "--report", Path.Combine(_root, "merged"));

        merged.ExitCode.Should().Be(2);
        merged.Error.Should().Contain("split into 3 shards, but shard 2/3, 3/3 are missing");
        File.Exists(Path.Combine(_root, "merged", "results.json")).Should().BeFalse();
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("half")]
    public async Task Run_ShardThatIsNotIOverN_IsAUsageError(string shard)
    {
        var result = await CliResult.RunAsync("run", RepoPaths.Features, "--shard", shard, "--report", Path.Combine(_root, "bad"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain($"--shard \"{shard}\" is not a shard").And.Contain("--shard 2/4");
    }

    [Fact]
    public async Task Merge_AFolderWithoutShards_SaysWhatToPass()
    {
        Directory.CreateDirectory(Path.Combine(_root, "empty"));

        var merged = await CliResult.RunAsync("merge", Path.Combine(_root, "empty"), "--report", Path.Combine(_root, "merged"));

        merged.ExitCode.Should().Be(2);
        merged.Error.Should().Contain("holds no shard.json").And.Contain("--shard i/n");
    }

    [Fact]
    public async Task MergeSign_NeedsEveryShardSigned_AndRefusesAShardWhoseCountsWereChanged()
    {
        var key = TestSigningKeys.Create();
        var trusted = Path.Combine(_root, "trusted-signers.pem");
        File.WriteAllText(trusted, key.PublicPem);
        var signing = new CliEnvironment(new Dictionary<string, string> { ["SECUREREQS_SIGNING_KEY"] = key.PrivatePem });
        const string OneStory = "@owasp:LLM07";
        var first = await CliResult.RunAsync(signing, "run", RepoPaths.Features, "--target", "demo:naive", "--tags", OneStory, "--report", Path.Combine(_root, "shards", "1"), "--shard", "1/2", "--sign");
        var second = await CliResult.RunAsync("run", RepoPaths.Features, "--target", "demo:naive", "--tags", OneStory, "--report", Path.Combine(_root, "shards", "2"), "--shard", "2/2");
        first.ExitCode.Should().Be(0, first.Output + first.Error);
        second.ExitCode.Should().Be(0, second.Output + second.Error);
        File.Exists(Path.Combine(_root, "shards", "1", "shard.json.sig")).Should().BeTrue();

        var unsigned = await CliResult.RunAsync(signing, "merge", Path.Combine(_root, "shards"), "--features", RepoPaths.Features, "--report", Path.Combine(_root, "merged"), "--sign", "--trusted-signers", trusted);
        unsigned.ExitCode.Should().Be(2);
        unsigned.Error.Should().Contain("not signed").And.Contain(Path.Combine(_root, "shards", "2", "shard.json")).And.Contain("--shard i/n --sign");

        var resigned = await CliResult.RunAsync(signing, "run", RepoPaths.Features, "--target", "demo:naive", "--tags", OneStory, "--report", Path.Combine(_root, "shards", "2"), "--shard", "2/2", "--sign");
        resigned.ExitCode.Should().Be(0, resigned.Output + resigned.Error);
        var merged = await CliResult.RunAsync(signing, "merge", Path.Combine(_root, "shards"), "--features", RepoPaths.Features, "--report", Path.Combine(_root, "merged"), "--sign", "--trusted-signers", trusted);
        merged.ExitCode.Should().Be(1, "the naive demo reveals its system prompt: " + merged.Output + merged.Error);
        File.Exists(Path.Combine(_root, "merged", "results.json.sig")).Should().BeTrue();

        // Someone lowers a count in a signed shard between the jobs: the merge refuses it, signed or not.
        var shardJson = Path.Combine(_root, "shards", "2", "shard.json");
        var text = File.ReadAllText(shardJson);
        File.WriteAllText(shardJson, text.Replace("\"planned\":", "\"planned\": ", StringComparison.Ordinal));
        File.ReadAllText(shardJson).Should().NotBe(text, "the test must change the file");
        var tampered = await CliResult.RunAsync("merge", Path.Combine(_root, "shards"), "--features", RepoPaths.Features, "--report", Path.Combine(_root, "merged-2"), "--trusted-signers", trusted);
        tampered.ExitCode.Should().Be(2);
        tampered.Error.Should().Contain("signature does not hold").And.Contain("shard.json");
    }

    private Task<CliResult> Run(string folder, params string[] more) =>
        CliResult.RunAsync(["run", RepoPaths.Features, "--target", "demo:naive", "--tags", Tags, "--report", Path.Combine(_root, folder), .. more]);

    // Everything a story reports except how long it took.
    private static List<string> Stories(string resultsJson)
    {
        var stories = JsonNode.Parse(File.ReadAllText(resultsJson))!["stories"]!.AsArray();
        return [.. stories.Select(s =>
        {
            var story = s!.AsObject().DeepClone().AsObject();
            story.Remove("durationMs");
            story.Remove("latency");
            foreach (var evidence in story["evidence"]?.AsArray() ?? [])
            {
                evidence!.AsObject().Remove("latencyMs");
            }

            return story.ToJsonString();
        })];
    }
}
