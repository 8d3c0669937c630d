using SecureReqs.Testing;

namespace SecureReqs.Cli.Tests;

public sealed class ManifestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-manifest-").FullName;
    private readonly (string PrivatePem, string PublicPem) _key = TestSigningKeys.Create();

    public ManifestCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ".securereqs"));
        File.WriteAllText(Path.Combine(_dir, ".securereqs", "trusted-signers.pem"), _key.PublicPem);
        Write("datasets/alpha/cases.jsonl", "{\"id\":\"a1\",\"text\":\"hello\"}\n{\"id\":\"a2\",\"text\":\"world\"}\n");
        Write("datasets/alpha/nested/notes.md", "# notes\n");
        Write("datasets/beta/cases.jsonl", "{\"id\":\"b1\",\"text\":\"beta\"}\n");
    }

    private string Datasets => Path.Combine(_dir, "datasets");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CreateThenVerify_UnchangedFolders_PassesPerSubject()
    {
        var created = await CreateAsync(Datasets);

        var result = await VerifyAsync(Datasets);

        created.ExitCode.Should().Be(0, created.Error);
        created.Output.Should().Contain("alpha: 2 files signed by key").And.Contain("beta: 1 file signed by key");
        File.Exists(Path.Combine(Datasets, "alpha", "securereqs.manifest.json")).Should().BeTrue();
        result.ExitCode.Should().Be(0, result.Output + result.Error);
        result.Output.Should().Contain("alpha: OK (2 files").And.Contain("beta: OK (1 file");
    }

    [Fact]
    public async Task Verify_OneByteChangedInASignedFile_FailsNamingTheFile()
    {
        await CreateAsync(Datasets);
        var path = Path.Combine(Datasets, "alpha", "cases.jsonl");
        var bytes = File.ReadAllBytes(path);
        bytes[10] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var result = await VerifyAsync(Datasets);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("alpha: FAILED (1 problem)").And.Contain("  - cases.jsonl: content changed (sha256 ").And.Contain("beta: OK");
    }

    [Fact]
    public async Task Verify_FileAddedAfterSigning_Fails()
    {
        await CreateAsync(Datasets);
        Write("datasets/beta/.hidden-extra.jsonl", "{}\n");

        var result = await VerifyAsync(Datasets);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("  - .hidden-extra.jsonl: added after signing");
    }

    [Fact]
    public async Task Verify_FileRemovedAfterSigning_Fails()
    {
        await CreateAsync(Datasets);
        File.Delete(Path.Combine(Datasets, "alpha", "nested", "notes.md"));

        var result = await VerifyAsync(Datasets);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("  - nested/notes.md: removed");
    }

    [Fact]
    public async Task Verify_TamperedSignatureValue_Fails()
    {
        await CreateAsync(Datasets);
        var manifest = Path.Combine(Datasets, "beta", "securereqs.manifest.json");
        var text = File.ReadAllText(manifest);
        var start = text.IndexOf("\"value\": \"", StringComparison.Ordinal) + 10;
        File.WriteAllText(manifest, text[..start] + (text[start] == 'A' ? 'B' : 'A') + text[(start + 1)..]);

        var result = await VerifyAsync(Datasets);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("beta: FAILED").And.Contain("bad signature");
    }

    [Fact]
    public async Task Verify_ManifestSignedByAnotherKey_FailsAsUntrusted()
    {
        var other = TestSigningKeys.Create();
        await CreateAsync(Datasets, other.PrivatePem);

        var result = await VerifyAsync(Datasets);

        result.ExitCode.Should().Be(1);
        result.Output.Should().MatchRegex("signed by key [0-9a-f]{16}, which is not trusted; trusted: [0-9a-f]{16} \\(from .*trusted-signers.pem\\)");
    }

    [Fact]
    public async Task Verify_PublicKeyFileWithTwoKeys_TrustsBothDuringRotation()
    {
        var next = TestSigningKeys.Create();
        await CreateAsync(Path.Combine(Datasets, "alpha"));
        await CreateAsync(Path.Combine(Datasets, "beta"), next.PrivatePem);
        var keys = Path.Combine(_dir, "rotation.pem");
        File.WriteAllText(keys, _key.PublicPem + next.PublicPem);

        var result = await VerifyAsync(Datasets, "--public-key", keys);

        result.ExitCode.Should().Be(0, result.Output);
    }

    [Fact]
    public async Task Create_SigningKeyVariableUnset_ExitsTwoNamingTheVariable()
    {
        var result = await CliResult.RunAsync(new CliEnvironment(), "manifest", "create", Datasets, "--key-env", "RELEASE_SIGNING_KEY");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("RELEASE_SIGNING_KEY").And.Contain("is empty or unset");
        File.Exists(Path.Combine(Datasets, "alpha", "securereqs.manifest.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Create_NeverPrintsOrWritesThePrivateKey()
    {
        var body = _key.PrivatePem.Split('\n')[1];

        var created = await CreateAsync(Datasets);
        var verified = await VerifyAsync(Datasets);
        var broken = await CliResult.RunAsync(new CliEnvironment(new Dictionary<string, string> { ["SECUREREQS_SIGNING_KEY"] = _key.PrivatePem.Replace("MIG", "xx", StringComparison.Ordinal) }), "manifest", "create", Datasets);

        string[] everything = [created.Output, created.Error, verified.Output, verified.Error, broken.Output, broken.Error, .. Directory.EnumerateFiles(Datasets, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText)];
        broken.ExitCode.Should().Be(2);
        broken.Error.Should().Contain("SECUREREQS_SIGNING_KEY");
        everything.Should().NotContain(text => text.Contains(body, StringComparison.Ordinal) || text.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_MalformedManifest_ExitsTwoWithFileLineAndColumn()
    {
        await CreateAsync(Datasets);
        var manifest = Path.Combine(Datasets, "alpha", "securereqs.manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"files\": [", "\"files\": [,", StringComparison.Ordinal));

        var result = await VerifyAsync(Datasets);

        result.ExitCode.Should().Be(2);
        result.Error.Should().MatchRegex(@"securereqs\.manifest\.json:\d+:\d+: the manifest is not valid JSON").And.Contain("securereqs manifest create");
    }

    [Fact]
    public async Task Verify_NoTrustedKeysAnywhere_ExitsTwoWithTheFix()
    {
        await CreateAsync(Datasets);
        File.Delete(Path.Combine(_dir, ".securereqs", "trusted-signers.pem"));

        var result = await VerifyAsync(Datasets);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--public-key").And.Contain("SECUREREQS_VERIFY_KEY").And.Contain(".securereqs/trusted-signers.pem");
    }

    [Fact]
    public async Task Verify_MissingPath_ExitsTwo()
    {
        var result = await VerifyAsync(Path.Combine(_dir, "nowhere"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("no such file or folder");
    }

    [Fact]
    public async Task CreateThenVerify_SingleArtifact_UsesASidecarManifest()
    {
        Write("models/classifier.onnx", "not really a model");
        var model = Path.Combine(_dir, "models", "classifier.onnx");
        await CreateAsync(model);
        File.AppendAllText(model, "!");

        var result = await VerifyAsync(model);

        File.Exists(model + ".manifest.json").Should().BeTrue();
        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("classifier.onnx: size changed from 18 to 19 bytes");
    }

    private Task<CliResult> CreateAsync(string path, string? privatePem = null) =>
        CliResult.RunAsync(new CliEnvironment(new Dictionary<string, string> { ["SECUREREQS_SIGNING_KEY"] = privatePem ?? _key.PrivatePem }), "manifest", "create", path, "--source", "unit test");

    private static Task<CliResult> VerifyAsync(string path, params string[] options) =>
        CliResult.RunAsync(new CliEnvironment(), ["manifest", "verify", path, .. options]);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
