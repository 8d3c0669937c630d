using SecureReqs.Testing;

namespace SecureReqs.Cli.Tests;

public sealed class EvidenceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-evidence-").FullName;
    private readonly (string PrivatePem, string PublicPem) _key = TestSigningKeys.Create();

    public EvidenceCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ".securereqs"));
        File.WriteAllText(Path.Combine(_dir, ".securereqs", "trusted-signers.pem"), _key.PublicPem);
        Directory.CreateDirectory(Path.Combine(_dir, "securereqs-report"));
        File.WriteAllText(Results, "{\n  \"verdict\": \"pass\",\n  \"stories\": []\n}\n");
    }

    private string Results => Path.Combine(_dir, "securereqs-report", "results.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SignThenVerify_UnchangedResults_ExitsZero()
    {
        var signed = await SignAsync(Results);

        var verified = await VerifyAsync(Results);

        signed.ExitCode.Should().Be(0, signed.Error);
        signed.Output.Should().MatchRegex(@"results\.json: \d+ bytes \(sha256 [0-9a-f]{12}…\) signed by key [0-9a-f]{16} -> .*results\.json\.sig");
        signed.Error.Should().BeEmpty("the key is trusted");
        File.Exists(Results + ".sig").Should().BeTrue();
        verified.ExitCode.Should().Be(0, verified.Output + verified.Error);
        verified.Output.Should().Contain("results.json: OK (sha256 ").And.Contain("signed by trusted key");
    }

    [Fact]
    public async Task Verify_OneByteEditedAfterSigning_ExitsOneWithMessage()
    {
        await SignAsync(Results);
        var bytes = File.ReadAllBytes(Results);
        bytes[5] ^= 0x01;
        File.WriteAllBytes(Results, bytes);

        var result = await VerifyAsync(Results);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("results.json: FAILED");
        result.Error.Should().Contain($"securereqs: {Results} changed after it was signed (sha256 ").And.Contain("Do not trust it");
    }

    [Fact]
    public async Task Verify_SignedByAKeyNotTrusted_ExitsOne()
    {
        var other = TestSigningKeys.Create();
        var signed = await SignAsync(Results, other.PrivatePem);

        var result = await VerifyAsync(Results);

        signed.ExitCode.Should().Be(0);
        signed.Error.Should().Contain("warning: key").And.Contain("is not among the trusted signers");
        result.ExitCode.Should().Be(1);
        result.Error.Should().MatchRegex("signed by key [0-9a-f]{16}, which is not trusted; trusted: [0-9a-f]{16} \\(from .*trusted-signers.pem\\)");
    }

    [Fact]
    public async Task Verify_NoSignatureFile_ExitsOneTellingToSign()
    {
        var result = await VerifyAsync(Results);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"{Results}.sig is missing").And.Contain($"`securereqs evidence sign {Results}`");
    }

    [Fact]
    public async Task Verify_GarbledSignatureFile_ExitsOneNamingIt()
    {
        await SignAsync(Results);
        File.WriteAllText(Results + ".sig", "{ garbled");

        var result = await VerifyAsync(Results);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"{Results}.sig is not a readable evidence signature").And.Contain("securereqs evidence sign");
    }

    [Fact]
    public async Task Verify_TrustedSignersOption_UsesThatFile()
    {
        var other = TestSigningKeys.Create();
        await SignAsync(Results, other.PrivatePem);
        var pem = Path.Combine(_dir, "release-signers.pem");
        File.WriteAllText(pem, other.PublicPem);

        var result = await VerifyAsync(Results, "--trusted-signers", pem);

        result.ExitCode.Should().Be(0, result.Error);
    }

    [Fact]
    public async Task Sign_SigningKeyVariableUnset_ExitsTwoNamingTheVariable()
    {
        var result = await CliResult.RunAsync(new CliEnvironment(), "evidence", "sign", Results, "--key-env", "RELEASE_SIGNING_KEY");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("RELEASE_SIGNING_KEY").And.Contain("is empty or unset");
        File.Exists(Results + ".sig").Should().BeFalse();
    }

    [Fact]
    public async Task Sign_DefaultKeyVariableUnset_ExitsTwo()
    {
        var result = await CliResult.RunAsync(new CliEnvironment(), "evidence", "sign", Results);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("SECUREREQS_SIGNING_KEY");
    }

    [Fact]
    public async Task SignAndVerify_MissingResultsFile_ExitTwo()
    {
        var missing = Path.Combine(_dir, "nowhere", "results.json");

        var signed = await SignAsync(missing);
        var verified = await VerifyAsync(missing);

        signed.ExitCode.Should().Be(2);
        signed.Error.Should().Contain($"{missing}: no such file");
        verified.ExitCode.Should().Be(2);
        verified.Error.Should().Contain($"{missing}: no such file");
    }

    [Fact]
    public async Task Sign_NeverPrintsOrWritesThePrivateKey()
    {
        var body = _key.PrivatePem.Split('\n')[1];

        var signed = await SignAsync(Results);

        string[] everything = [signed.Output, signed.Error, File.ReadAllText(Results + ".sig")];
        everything.Should().NotContain(text => text.Contains(body, StringComparison.Ordinal) || text.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Version_Option_PrintsVersionAndCommit()
    {
        var result = await CliResult.RunAsync("--version");

        result.ExitCode.Should().Be(0);
        result.Output.Trim().Should().MatchRegex("^[0-9][^+\\s]*\\+([0-9a-f]{40}|unknown)$");
    }

    private Task<CliResult> SignAsync(string path, string? privatePem = null) =>
        CliResult.RunAsync(new CliEnvironment(new Dictionary<string, string> { ["SECUREREQS_SIGNING_KEY"] = privatePem ?? _key.PrivatePem }), "evidence", "sign", path);

    private static Task<CliResult> VerifyAsync(string path, params string[] options) =>
        CliResult.RunAsync(new CliEnvironment(), ["evidence", "verify", path, .. options]);
}
