using System.Text.Json.Nodes;

namespace SecureReqs.Tests;

public sealed class ShardMergeTests
{
    [Fact]
    public void Create_EveryShardOnce_KeepsThemInShardOrder()
    {
        var merge = ShardMerge.Create([Shard(3, 3), Shard(1, 3), Shard(2, 3)]);

        merge.Shards.Select(s => s.Shard.Index).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Create_AMissingShard_IsRefusedNamingIt()
    {
        var act = () => ShardMerge.Create([Shard(1, 4), Shard(3, 4)]);

        act.Should().Throw<SecureReqsException>().WithMessage("*split into 4 shards, but shard 2/4, 4/4 are missing*Pass the report folder of every shard*");
    }

    [Fact]
    public void Create_AShardTwice_IsRefusedNamingBothFiles()
    {
        var act = () => ShardMerge.Create([Shard(1, 2), Shard(2, 2), Shard(2, 2) with { Path = "again/shard.json" }]);

        act.Should().Throw<SecureReqsException>().WithMessage("Shard 2/2 is given twice: s2/shard.json and again/shard.json*");
    }

    [Fact]
    public void Create_ShardsOfDifferentSplits_AreRefused()
    {
        var act = () => ShardMerge.Create([Shard(1, 2), Shard(2, 3)]);

        act.Should().Throw<SecureReqsException>().WithMessage("*shard 2/3*shard 1/2*split the same way*");
    }

    public static TheoryData<string> Differences => ["commit", "target", "tags", "configuration", "features"];

    [Theory]
    [MemberData(nameof(Differences))]
    public void Create_ShardsThatRanDifferentThings_AreRefusedSayingWhat(string what)
    {
        var other = Shard(2, 2);
        other = what switch
        {
            "commit" => other with { ToolCommit = "other" },
            "target" => other with { Target = "demo:naive" },
            "tags" => other with { Tags = "@smoke" },
            "configuration" => other with { ConfigurationSha256 = "ff" },
            _ => other with { Features = [new ResultsFeature("a.feature", "00ff")] },
        };

        var act = () => ShardMerge.Create([Shard(1, 2), other]);

        act.Should().Throw<SecureReqsException>().WithMessage($"The shards ran different things:*{(what == "configuration" ? "configuration" : what)}*same commit with the same options*");
    }

    [Fact]
    public void Create_NoShard_SaysWhatToPass()
    {
        var act = () => ShardMerge.Create([]);

        act.Should().Throw<SecureReqsException>().WithMessage("No shard to merge*--shard i/n*");
    }

    [Fact]
    public void Read_FileOfAnotherSchemaOrNotJson_NamesTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("shard-read-");
        try
        {
            var other = Path.Combine(dir.FullName, "other.json");
            File.WriteAllText(other, """{"schema":"securereqs.shard/v9","stories":[]}""");
            var broken = Path.Combine(dir.FullName, "broken.json");
            File.WriteAllText(broken, "{ not json");

            FluentActions.Invoking(() => ShardFile.Read(other)).Should().Throw<SecureReqsException>().WithMessage($"{other}: the schema is \"securereqs.shard/v9\"*same version*");
            FluentActions.Invoking(() => ShardFile.Read(broken)).Should().Throw<SecureReqsException>().WithMessage($"{broken}: not JSON*Run the shard again.");
            FluentActions.Invoking(() => ShardFile.Read(Path.Combine(dir.FullName, "missing.json"))).Should().Throw<SecureReqsException>().WithMessage("*cannot read the shard file*");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static ShardFile Shard(int index, int count) => new()
    {
        Path = $"s{index}/shard.json",
        Shard = new ShardSpec(index, count),
        ToolCommit = "abc",
        Features = [new ResultsFeature("a.feature", "00aa")],
        Stories = new Dictionary<string, JsonObject>(),
    };
}
