using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class SignedManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-sign-").FullName;
    private readonly (string PrivatePem, string PublicPem) _pem = TestSigningKeys.Create();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 31, 9, 30, 15, 250, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CanonicalBytes_Manifest_IsRfc8785WithoutTheSignature()
    {
        var manifest = new SignedManifest
        {
            Subject = "set \"A\"",
            Created = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero),
            Provenance = new Dictionary<string, string> { ["source"] = "café\nline", ["authors"] = "QA", ["method"] = "hand\twritten", ["Zeta"] = "z" },
            Files = [new ManifestFileEntry("a/b.jsonl", new string('0', 64), 12)],
            Signature = new ManifestSignature(ManifestSignature.EcdsaP256Sha256, "0123456789abcdef", "c2ln"),
        };

        var canonical = Encoding.UTF8.GetString(manifest.CanonicalBytes());

        canonical.Should().Be(
            "{\"created\":\"2026-01-31T09:30:00Z\",\"files\":[{\"bytes\":12,\"path\":\"a/b.jsonl\",\"sha256\":\"" + new string('0', 64) + "\"}],"
            + "\"provenance\":{\"Zeta\":\"z\",\"authors\":\"QA\",\"method\":\"hand\\twritten\",\"source\":\"café\\nline\"},"
            + "\"schema\":\"securereqs.manifest/v1\",\"subject\":\"set \\\"A\\\"\"}");
    }

    [Fact]
    public async Task CreateAsync_Folder_SignsTheCanonicalFormWithTheKeyAndClock()
    {
        Write("set/cases.jsonl", "{}\n");
        Write("set/manifest.json", "{\"provenance\":{\"authors\":\"Red team\",\"method\":\"hand-written\",\"sources\":[\"OWASP\",\"MITRE ATLAS\"]}}");
        using var key = ManifestSigningKey.FromPem(_pem.PrivatePem, "the test key");

        var manifest = await new SignedManifestWriter(key, _time).CreateAsync(ManifestSubject.ForFolder(Path.Combine(_dir, "set")), new Dictionary<string, string> { ["method"] = "reviewed" }, TestContext.Current.CancellationToken);

        manifest.Created.Should().Be(new DateTimeOffset(2026, 1, 31, 9, 30, 15, TimeSpan.Zero));
        manifest.Files.Select(f => f.Path).Should().Equal("cases.jsonl", "manifest.json");
        manifest.Files[0].Should().Be(new ManifestFileEntry("cases.jsonl", Convert.ToHexStringLower(SHA256.HashData("{}\n"u8)), 3));
        manifest.Provenance.Should().Contain(new Dictionary<string, string> { ["source"] = "OWASP; MITRE ATLAS", ["authors"] = "Red team", ["method"] = "reviewed" });
        manifest.Signature!.KeyId.Should().Be(key.KeyId).And.MatchRegex("^[0-9a-f]{16}$");
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(_pem.PublicPem);
        Convert.ToHexStringLower(SHA256.HashData(publicKey.ExportSubjectPublicKeyInfo()))[..16].Should().Be(key.KeyId);
        publicKey.VerifyData(manifest.CanonicalBytes(), Convert.FromBase64String(manifest.Signature.Value), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).Should().BeTrue();
        File.ReadAllText(Path.Combine(_dir, "set", "securereqs.manifest.json")).Should().Contain("\"created\": \"2026-01-31T09:30:15Z\"");
    }

    [Fact]
    public async Task VerifyAsync_ChangedAddedAndRemovedFiles_ReportsEveryProblemAsData()
    {
        Write("set/a.jsonl", "aaaa");
        Write("set/b.jsonl", "bbbb");
        Write("set/c.jsonl", "cccc");
        await SignAsync("set");
        Write("set/a.jsonl", "aaab");
        Write("set/b.jsonl", "bbbbb");
        File.Delete(Path.Combine(_dir, "set", "c.jsonl"));
        Write("set/sub/d.jsonl", "dddd");

        var result = await Verifier().VerifyAsync(ManifestSubject.ForFolder(Path.Combine(_dir, "set")), TestContext.Current.CancellationToken);

        result.IsValid.Should().BeFalse();
        result.Problems.Select(p => (p.Kind, p.Path)).Should().Equal(
            (ManifestProblemKind.ChangedFile, "a.jsonl"),
            (ManifestProblemKind.SizeChanged, "b.jsonl"),
            (ManifestProblemKind.RemovedFile, "c.jsonl"),
            (ManifestProblemKind.AddedFile, "sub/d.jsonl"));
        var changed = result.Problems[0];
        changed.Expected.Should().Be(Sha("aaaa"));
        changed.Actual.Should().Be(Sha("aaab"));
        changed.Message.Should().Be($"a.jsonl: content changed (sha256 {Sha("aaab")}, signed {Sha("aaaa")}).");
        result.Problems[1].Message.Should().StartWith("b.jsonl: size changed from 4 to 5 bytes");
    }

    [Fact]
    public async Task VerifyAsync_ManifestEditedAfterSigning_IsABadSignature()
    {
        Write("set/a.jsonl", "aaaa");
        await SignAsync("set");
        var manifestPath = Path.Combine(_dir, "set", SignedManifest.FolderManifestFileName);
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace("\"authors\": \"unspecified\"", "\"authors\": \"someone else\"", StringComparison.Ordinal));

        var result = await Verifier().VerifyAsync(ManifestSubject.ForFolder(Path.Combine(_dir, "set")), TestContext.Current.CancellationToken);

        result.Problems.Should().ContainSingle().Which.Kind.Should().Be(ManifestProblemKind.BadSignature);
    }

    [Fact]
    public async Task VerifyAsync_ManifestCopiedToAnotherFolder_IsASubjectMismatch()
    {
        Write("one/a.jsonl", "same");
        Write("two/a.jsonl", "same");
        await SignAsync("one");
        File.Copy(Path.Combine(_dir, "one", SignedManifest.FolderManifestFileName), Path.Combine(_dir, "two", SignedManifest.FolderManifestFileName));

        var result = await Verifier().VerifyAsync(ManifestSubject.ForFolder(Path.Combine(_dir, "two")), TestContext.Current.CancellationToken);

        result.Problems.Should().ContainSingle().Which.Message.Should().Be("the manifest is for \"one\", not \"two\": it was copied from another folder.");
    }

    [Fact]
    public async Task VerifyAsync_NoManifest_IsAMissingManifestProblem()
    {
        Write("set/a.jsonl", "a");

        var result = await Verifier().VerifyAsync(ManifestSubject.ForFolder(Path.Combine(_dir, "set")), TestContext.Current.CancellationToken);

        result.Problems.Should().ContainSingle().Which.Kind.Should().Be(ManifestProblemKind.MissingManifest);
    }

    [Fact]
    public async Task VerifyAsync_WrongFieldType_NamesFileLineColumnAndFix()
    {
        Write("set/a.jsonl", "a");
        await SignAsync("set");
        var manifestPath = Path.Combine(_dir, "set", SignedManifest.FolderManifestFileName);
        var lines = File.ReadAllLines(manifestPath);
        var line = Array.FindIndex(lines, l => l.Contains("\"bytes\"", StringComparison.Ordinal));
        lines[line] = "      \"bytes\": \"one\"";
        File.WriteAllLines(manifestPath, lines);

        var act = () => Verifier().VerifyAsync(ManifestSubject.ForFolder(Path.Combine(_dir, "set")), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ManifestFormatException>())
            .WithMessage($"{manifestPath}:{line + 1}:16: \"bytes\" must be the file's size, a whole number, not string. Recreate the manifest with `securereqs manifest create`*");
    }

    [Fact]
    public async Task VerifyAsync_MissingField_NamesThePositionOfItsObject()
    {
        Write("set/a.jsonl", "a");
        await SignAsync("set");
        var manifestPath = Path.Combine(_dir, "set", SignedManifest.FolderManifestFileName);
        File.WriteAllLines(manifestPath, File.ReadAllLines(manifestPath).Where(l => !l.Contains("\"keyId\"", StringComparison.Ordinal)));

        var act = () => Verifier().VerifyAsync(ManifestSubject.ForFolder(Path.Combine(_dir, "set")), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ManifestFormatException>()).Which.Message.Should().MatchRegex(@":\d+:16: the manifest is missing ""keyId"" \(a non-empty string\) at \$\.signature\.");
    }

    [Fact]
    public void Discover_FolderOfFolders_IsOneSubjectPerFolderSkippingDotFolders()
    {
        Write("root/b/x.jsonl", "x");
        Write("root/a/y.jsonl", "y");
        Write("root/.git/config", "z");

        var subjects = ManifestSubject.Discover(Path.Combine(_dir, "root"));

        subjects.Select(s => s.Name).Should().Equal("a", "b");
        ManifestSubject.Discover(Path.Combine(_dir, "root", "a")).Should().ContainSingle().Which.Kind.Should().Be(ManifestSubjectKind.Folder);
    }

    [Fact]
    public void Discover_EmptyFolder_Throws()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));

        var act = () => ManifestSubject.Discover(Path.Combine(_dir, "empty"));

        act.Should().Throw<SecureReqsException>().WithMessage("*the folder is empty*");
    }

    [Fact]
    public void FromEnvironment_PublicKeyInsteadOfPrivate_NamesTheVariableNotTheValue()
    {
        var act = () => ManifestSigningKey.FromEnvironment("MY_KEY", _ => _pem.PublicPem);

        act.Should().Throw<SecureReqsException>().Which.Message.Should().Contain("MY_KEY").And.NotContain(_pem.PublicPem.Split('\n')[1]);
    }

    [Fact]
    public void FromEnvironment_PathInsteadOfText_SaysToPassTheContents()
    {
        var act = () => ManifestSigningKey.FromEnvironment("MY_KEY", _ => "/secrets/signing.pem");

        act.Should().Throw<SecureReqsException>().WithMessage("The environment variable MY_KEY does not hold PEM text*not the path of the key file*");
    }

    [Fact]
    public void TrustedSignersFromPem_PrivateKey_IsRefused()
    {
        var act = () => TrustedSigners.FromPem(_pem.PrivatePem, "trusted-signers.pem");

        act.Should().Throw<SecureReqsException>().WithMessage("trusted-signers.pem holds a private key*rotate it*");
    }

    [Fact]
    public void Resolve_ExplicitFileThenVariableThenNearestFile_InThatOrder()
    {
        var other = TestSigningKeys.Create();
        Write(".securereqs/trusted-signers.pem", _pem.PublicPem);
        Write("explicit.pem", other.PublicPem);
        Write("deep/set/a.jsonl", "a");
        var start = Path.Combine(_dir, "deep", "set");
        using var key = ManifestSigningKey.FromPem(_pem.PrivatePem, "k");
        using var otherKey = ManifestSigningKey.FromPem(other.PrivatePem, "k");

        TrustedSigners.Resolve(Path.Combine(_dir, "explicit.pem"), _ => _pem.PublicPem, start)!.KeyIds.Should().Equal(otherKey.KeyId);
        TrustedSigners.Resolve(null, n => n == TrustedSigners.VerifyKeyVariable ? other.PublicPem : null, start)!.KeyIds.Should().Equal(otherKey.KeyId);
        TrustedSigners.Resolve(null, _ => null, start)!.KeyIds.Should().Equal(key.KeyId);
    }

    private async Task SignAsync(string folder)
    {
        using var key = ManifestSigningKey.FromPem(_pem.PrivatePem, "the test key");
        await new SignedManifestWriter(key, _time).CreateAsync(ManifestSubject.ForFolder(Path.Combine(_dir, folder)), null, TestContext.Current.CancellationToken);
    }

    private SignedManifestVerifier Verifier() => new(TrustedSigners.FromPem(_pem.PublicPem, "test keys"));

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
