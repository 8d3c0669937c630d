using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SecureReqs.Testing;

namespace SecureReqs.Tests;

public sealed class EvidenceSignatureTests : IDisposable
{
    private const string Results = "{\"schema\":\"securereqs.results/v1\",\"verdict\":\"pass\",\"stories\":[]}\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("securereqs-evidence-").FullName;
    private readonly (string PrivatePem, string PublicPem) _pem = TestSigningKeys.Create();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 10, 20, 30, 750, TimeSpan.Zero));

    public EvidenceSignatureTests()
    {
        File.WriteAllText(ResultsPath, Results);
    }

    private string ResultsPath => Path.Combine(_dir, "results.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SignFile_ResultsFile_WritesDetachedSignatureOverHashNameAndTime()
    {
        using var key = ManifestSigningKey.FromPem(_pem.PrivatePem, "the test key");

        var signature = EvidenceSignature.SignFile(ResultsPath, key, _time);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Results)));
        signature.Should().BeEquivalentTo(new
        {
            Schema = "securereqs.evidence-signature/v1",
            File = "results.json",
            Sha256 = sha256,
            Bytes = (long)Results.Length,
            Algorithm = "ECDSA-P256-SHA256",
            KeyId = key.KeyId,
            SignedAt = new DateTimeOffset(2026, 2, 3, 10, 20, 30, TimeSpan.Zero),
        });
        Encoding.UTF8.GetString(signature.CanonicalBytes()).Should().Be(
            $"{{\"algorithm\":\"ECDSA-P256-SHA256\",\"bytes\":{Results.Length},\"file\":\"results.json\",\"keyId\":\"{key.KeyId}\","
            + $"\"schema\":\"securereqs.evidence-signature/v1\",\"sha256\":\"{sha256}\",\"signedAt\":\"2026-02-03T10:20:30Z\"}}");
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(_pem.PublicPem);
        publicKey.VerifyData(signature.CanonicalBytes(), Convert.FromBase64String(signature.Signature!), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            .Should().BeTrue();
        EvidenceSignature.Read(ResultsPath + ".sig").Should().Be(signature);
        File.ReadAllText(ResultsPath + ".sig").Should().StartWith("{\n  \"schema\": \"securereqs.evidence-signature/v1\",\n  \"file\": \"results.json\",")
            .And.Contain("\"signedAt\": \"2026-02-03T10:20:30Z\"")
            .And.NotContain("PRIVATE KEY");
    }

    [Fact]
    public void Verify_UnchangedFile_IsValid()
    {
        var keyId = Sign();

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.IsValid.Should().BeTrue(result.Message);
        result.Problem.Should().BeNull();
        result.Signature!.KeyId.Should().Be(keyId);
        result.Message.Should().Be($"{ResultsPath}: OK (sha256 {result.Signature.Sha256[..12]}…, {Results.Length} bytes, signed by trusted key {keyId} at 2026-02-03T10:20:30Z)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(-1)]
    public void Verify_OneBitOfOneByteChanged_FailsAsContentChanged(int position)
    {
        Sign();
        var bytes = File.ReadAllBytes(ResultsPath);
        bytes[position < 0 ? bytes.Length + position : position] ^= 0x01;
        File.WriteAllBytes(ResultsPath, bytes);

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.ContentChanged);
        result.Message.Should().StartWith($"{ResultsPath} changed after it was signed (sha256 ")
            .And.Contain($"{Results.Length} bytes, as signed")
            .And.Contain("run the stories again and sign the new results");
    }

    [Fact]
    public void Verify_ByteAppended_FailsNamingBothSizes()
    {
        Sign();
        File.AppendAllText(ResultsPath, " ");

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.ContentChanged);
        result.Message.Should().Contain($"{Results.Length + 1} bytes, signed {Results.Length}");
    }

    [Fact]
    public void Verify_NoSignatureFile_FailsTellingToSign()
    {
        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.MissingSignature);
        result.Signature.Should().BeNull();
        result.Message.Should().Be(
            $"{ResultsPath} is not signed: {ResultsPath}.sig is missing. Sign the results with `securereqs evidence sign {ResultsPath}` "
            + "(the signing key in SECUREREQS_SIGNING_KEY), and keep the .sig next to the file.");
    }

    [Theory]
    [InlineData("not json at all", "is not valid JSON (line 1)")]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("{}", "\"schema\" is missing or not a string")]
    public void Verify_GarbledSignatureFile_FailsNamingTheSigFile(string text, string problem)
    {
        File.WriteAllText(ResultsPath + ".sig", text);

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.UnreadableSignature);
        result.Message.Should().StartWith($"{ResultsPath}.sig is not a readable evidence signature: ").And.Contain(problem)
            .And.Contain($"Sign it again with `securereqs evidence sign {ResultsPath}`");
    }

    [Theory]
    [InlineData("\"sha256\": \"", "\"sha256\" is not 64 lowercase hex digits")]
    [InlineData("\"keyId\": \"", "\"keyId\" is not 16 lowercase hex digits")]
    [InlineData("\"signature\": \"", "\"signature\" is not base64 of a 64-byte ECDSA P-256 signature")]
    [InlineData("\"signedAt\": \"", "\"signedAt\" is not a UTC time")]
    public void Verify_FieldOfSignatureFileTruncated_FailsAsUnreadable(string field, string problem)
    {
        Sign();
        var sig = ResultsPath + ".sig";
        var text = File.ReadAllText(sig);
        var start = text.IndexOf(field, StringComparison.Ordinal) + field.Length;
        File.WriteAllText(sig, text[..start] + text[(start + 2)..]);

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.UnreadableSignature);
        result.Message.Should().Contain(problem);
    }

    [Fact]
    public void Verify_UnknownPropertyInSignatureFile_FailsAsUnreadable()
    {
        Sign();
        var sig = ResultsPath + ".sig";
        File.WriteAllText(sig, File.ReadAllText(sig).Replace("\"file\":", "\"note\": \"hi\",\n  \"file\":", StringComparison.Ordinal));

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.UnreadableSignature);
        result.Message.Should().Contain("unknown property \"note\"");
    }

    [Fact]
    public void Verify_SignedAtEditedInSignatureFile_FailsAsBadSignature()
    {
        Sign();
        var sig = ResultsPath + ".sig";
        File.WriteAllText(sig, File.ReadAllText(sig).Replace("2026-02-03T10:20:30Z", "2026-02-04T10:20:30Z", StringComparison.Ordinal));

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.BadSignature);
        result.Message.Should().StartWith($"{ResultsPath}.sig has a bad signature").And.Contain($"Do not trust {ResultsPath}");
    }

    [Fact]
    public void Verify_ResultsAndHashBothEdited_FailsAsBadSignature()
    {
        var original = Sign();
        File.WriteAllText(ResultsPath, Results.Replace("pass", "PASS", StringComparison.Ordinal));
        var sig = ResultsPath + ".sig";
        var signed = EvidenceSignature.Read(sig);
        var forgedHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ResultsPath)));
        File.WriteAllText(sig, File.ReadAllText(sig).Replace(signed.Sha256, forgedHash, StringComparison.Ordinal));

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.BadSignature);
        result.Signature!.KeyId.Should().Be(original);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_FailsAsUntrusted()
    {
        var other = TestSigningKeys.Create();
        using var otherKey = ManifestSigningKey.FromPem(other.PrivatePem, "another key");
        EvidenceSignature.SignFile(ResultsPath, otherKey, _time);

        var result = EvidenceSignature.Verify(ResultsPath, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.UntrustedKey);
        result.Message.Should().StartWith($"{ResultsPath} is signed by key {otherKey.KeyId}, which is not trusted; trusted: ")
            .And.Contain(".securereqs/trusted-signers.pem");
    }

    [Fact]
    public void Verify_FileRenamedWithItsSignature_FailsAsWrongFile()
    {
        Sign();
        var renamed = Path.Combine(_dir, "other.json");
        File.Move(ResultsPath, renamed);
        File.Move(ResultsPath + ".sig", renamed + ".sig");

        var result = EvidenceSignature.Verify(renamed, Trusted());

        result.Problem.Should().Be(EvidenceProblemKind.WrongFile);
        result.Message.Should().Contain("signs \"results.json\", not \"other.json\"").And.Contain("Rename it back to results.json");
    }

    [Fact]
    public void SignFileAndVerify_MissingResultsFile_ThrowNamingTheFile()
    {
        using var key = ManifestSigningKey.FromPem(_pem.PrivatePem, "the test key");
        var missing = Path.Combine(_dir, "nowhere.json");

        var sign = () => EvidenceSignature.SignFile(missing, key, _time);
        var verify = () => EvidenceSignature.Verify(missing, Trusted());

        sign.Should().Throw<SecureReqsException>().WithMessage($"{missing}: no such file.*");
        verify.Should().Throw<SecureReqsException>().WithMessage($"{missing}: no such file.*");
    }

    [Fact]
    public void SignFile_ResignAfterChange_VerifiesAgain()
    {
        Sign();
        File.AppendAllText(ResultsPath, "\n");
        Sign();

        EvidenceSignature.Verify(ResultsPath, Trusted()).IsValid.Should().BeTrue();
        File.Exists(ResultsPath + ".sig.tmp").Should().BeFalse();
    }

    private string Sign()
    {
        using var key = ManifestSigningKey.FromPem(_pem.PrivatePem, "the test key");
        EvidenceSignature.SignFile(ResultsPath, key, _time);
        return key.KeyId;
    }

    private TrustedSigners Trusted() => TrustedSigners.FromPem(_pem.PublicPem, ".securereqs/trusted-signers.pem");
}
