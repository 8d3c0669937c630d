namespace SecureReqs.Tests;

public class SecureReqsVersionTests
{
    [Fact]
    public void Current_BuiltAssembly_HasVersionAndCommitOrUnknown()
    {
        SecureReqsVersion.Version.Should().NotBeNullOrWhiteSpace().And.NotContain("+");
        SecureReqsVersion.Commit.Should().MatchRegex("^([0-9a-f]{40}|unknown)$");
        SecureReqsVersion.Informational.Should().StartWith(SecureReqsVersion.Version + "+").And.EndWith(SecureReqsVersion.Commit);
    }

    [Theory]
    [InlineData("1.0.0+3EAE7F2162E1732ACA046BED85E69095252958B1", "1.0.0", "3eae7f2162e1732aca046bed85e69095252958b1")]
    [InlineData("2.1.0-beta.2+3eae7f2162e1732aca046bed85e69095252958b1", "2.1.0-beta.2", "3eae7f2162e1732aca046bed85e69095252958b1")]
    [InlineData("1.0.0+build.7.3eae7f2162e1732aca046bed85e69095252958b1", "1.0.0", "3eae7f2162e1732aca046bed85e69095252958b1")]
    [InlineData("1.0.0+unknown", "1.0.0", "unknown")]
    [InlineData("1.0.0+3eae7f2", "1.0.0", "unknown")]
    [InlineData("1.0.0", "1.0.0", "unknown")]
    [InlineData("", "9.9.9", "unknown")]
    [InlineData(null, "9.9.9", "unknown")]
    public void Parse_InformationalVersion_SplitsVersionAndCommit(string? informational, string version, string commit)
    {
        SecureReqsVersion.Parse(informational, "9.9.9").Should().Be((version, commit));
    }
}
