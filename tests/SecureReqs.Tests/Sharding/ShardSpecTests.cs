namespace SecureReqs.Tests;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("1000/1000", 1000, 1000)]
    public void Parse_IOverN_GivesTheShard(string text, int index, int count) =>
        ShardSpec.Parse(text).Should().Be(new ShardSpec(index, count));

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1/1001")]
    [InlineData("1/2/3")]
    [InlineData("a/b")]
    [InlineData(" 1/2")]
    public void Parse_NotAShard_SaysHowToWriteIt(string text)
    {
        var act = () => ShardSpec.Parse(text);

        act.Should().Throw<SecureReqsException>().WithMessage("*--shard*i/n*--shard 2/4*");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Owns_EveryCaseBelongsToExactlyOneShard_AndShardsAreEven(int count)
    {
        const int cases = 20_000;
        var shards = Enumerable.Range(1, count).Select(i => new ShardSpec(i, count)).ToList();
        foreach (var seed in new[] { 1, 42, -7 })
        {
            var owners = Enumerable.Range(0, cases).Select(i => shards.Count(s => s.Owns(seed, i))).ToList();
            owners.Should().OnlyContain(o => o == 1, "the shards neither overlap nor leave a case out");
            foreach (var shard in shards)
            {
                Enumerable.Range(0, cases).Count(i => shard.Owns(seed, i)).Should().BeInRange((int)(cases / count * 0.94), (int)(cases / count * 1.06));
            }
        }
    }

    [Fact]
    public void Owns_DependsOnTheSeed_NotOnTheCaseOrderAlone()
    {
        var shard = new ShardSpec(1, 2);

        Enumerable.Range(0, 64).Select(i => shard.Owns(1, i)).Should().NotEqual(Enumerable.Range(0, 64).Select(i => shard.Owns(2, i)));
        Enumerable.Range(0, 64).Select(i => shard.Owns(1, i)).Should().Contain(true).And.Contain(false, "a shard is not every other case");
    }
}
