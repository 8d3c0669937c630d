using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// A detached signature of a results file (<c>results.json</c>), written next to it as <c>results.json.sig</c> in format
/// <c>securereqs.evidence-signature/v1</c>: the file's name, size and SHA-256, who signed it and when, and an ECDSA P-256
/// signature over all of that, made with the same keys as signed manifests (see <see cref="ManifestSigningKey"/> and
/// <see cref="TrustedSigners"/>).
/// </summary>
/// <remarks>
/// <para>
/// What is signed: <see cref="CanonicalBytes"/>, the signature file without its <c>signature</c> property in RFC 8785
/// canonical form — <c>{"algorithm":…,"bytes":…,"file":…,"keyId":…,"schema":…,"sha256":…,"signedAt":…}</c>, no
/// whitespace, UTF-8. The SHA-256 of the exact bytes of the results file is one of those fields, so the signature covers
/// every byte of the file, and also its name and the signing time. <c>signature</c> is base64 of the 64-byte IEEE P1363
/// ECDSA P-256 signature (r then s) over SHA-256 of the canonical bytes, as for manifests.
/// </para>
/// <para>
/// Security contract: a file that verifies is byte for byte what someone holding a trusted private key signed. Trust is
/// exactly the trusted-signers set; the signature says nothing about whether the results are good. The private key is
/// never written or printed. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record EvidenceSignature
{
    /// <summary>The format identifier written in <see cref="Schema"/>.</summary>
    public const string SchemaV1 = "securereqs.evidence-signature/v1";

    /// <summary>The suffix of the signature file: <c>results.json</c> is signed in <c>results.json.sig</c>.</summary>
    public const string FileSuffix = ".sig";

    /// <summary>The format of <see cref="SignedAt"/> in the file: ISO 8601 in UTC, to the second.</summary>
    public const string SignedAtFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    // A signature file is a few hundred bytes; anything much larger is not one.
    private const int MaxSignatureFileBytes = 64 * 1024;

    private static readonly string[] s_properties = ["schema", "file", "sha256", "bytes", "algorithm", "keyId", "signedAt", "signature"];

    /// <summary>The format identifier.</summary>
    /// <value>The default value is <see cref="SchemaV1"/>.</value>
    public string Schema { get; init; } = SchemaV1;

    /// <summary>The name of the signed file, without folders, such as <c>results.json</c>.</summary>
    public required string File { get; init; }

    /// <summary>The SHA-256 of the file's exact bytes, 64 lowercase hex digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public required long Bytes { get; init; }

    /// <summary>The signature algorithm.</summary>
    /// <value>The default value is <see cref="ManifestSignature.EcdsaP256Sha256"/>, the only one of format v1.</value>
    public string Algorithm { get; init; } = ManifestSignature.EcdsaP256Sha256;

    /// <summary>The signing key's id (see <see cref="TrustedSigners.KeyIdOf"/>).</summary>
    public required string KeyId { get; init; }

    /// <summary>When the file was signed, in UTC, to the second.</summary>
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>Base64 of the 64-byte IEEE P1363 signature over <see cref="CanonicalBytes"/>; null before signing.</summary>
    public string? Signature { get; init; }

    /// <summary>The signature file of a results file.</summary>
    /// <param name="path">The results file, such as <c>securereqs-report/results.json</c>.</param>
    /// <returns>The path with <see cref="FileSuffix"/> appended.</returns>
    public static string PathFor(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path + FileSuffix;
    }

    /// <summary>Signs a results file and writes its detached signature to <see cref="PathFor"/>, replacing any there.</summary>
    /// <param name="path">The results file; its exact bytes are hashed.</param>
    /// <param name="key">The signing key.</param>
    /// <param name="timeProvider">The clock for <see cref="SignedAt"/>; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The signature written.</returns>
    /// <exception cref="SecureReqsException">The file does not exist.</exception>
    public static EvidenceSignature SignFile(string path, ManifestSigningKey key, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (sha256, bytes) = Hash(path, "sign");
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var unsigned = new EvidenceSignature
        {
            File = Path.GetFileName(path),
            Sha256 = sha256,
            Bytes = bytes,
            KeyId = key.KeyId,
            SignedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        };
        var signed = unsigned with { Signature = Convert.ToBase64String(key.Sign(unsigned.CanonicalBytes())) };

        // Written beside the target and moved into place, so a reader never sees half a signature.
        var target = PathFor(path);
        var temporary = target + ".tmp";
        System.IO.File.WriteAllBytes(temporary, signed.ToFileBytes());
        System.IO.File.Move(temporary, target, overwrite: true);
        return signed;
    }

    /// <summary>Verifies a results file against its detached signature and the trusted keys.</summary>
    /// <param name="path">The results file.</param>
    /// <param name="trusted">The keys whose signatures are trusted.</param>
    /// <returns>The result: valid, or the one problem found, with a message naming the file and the fix.</returns>
    /// <exception cref="SecureReqsException">The results file itself does not exist.</exception>
    public static EvidenceVerification Verify(string path, TrustedSigners trusted)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        var (sha256, bytes) = Hash(path, "verify");
        var sigPath = PathFor(path);
        var signAgain = $"Sign it again with `securereqs evidence sign {path}` (the key in {ManifestSigningKey.DefaultVariable})";
        EvidenceVerification Fail(EvidenceProblemKind kind, string message, EvidenceSignature? signature = null) => new(path, sigPath, kind, message, signature);

        if (!System.IO.File.Exists(sigPath))
        {
            return Fail(
                EvidenceProblemKind.MissingSignature,
                $"{path} is not signed: {sigPath} is missing. Sign the results with `securereqs evidence sign {path}` (the signing key in {ManifestSigningKey.DefaultVariable}), and keep the .sig next to the file.");
        }

        EvidenceSignature signature;
        try
        {
            signature = Read(sigPath);
        }
        catch (SecureReqsException ex)
        {
            return Fail(EvidenceProblemKind.UnreadableSignature, $"{ex.Message} {signAgain}; a signature cannot be repaired by hand.");
        }

        if (!trusted.Contains(signature.KeyId))
        {
            return Fail(
                EvidenceProblemKind.UntrustedKey,
                $"{path} is signed by key {signature.KeyId}, which is not trusted; trusted: {trusted}. Sign it with a trusted key, or add the signer's public key to {TrustedSigners.DefaultFile} through review.",
                signature);
        }

        if (!trusted.Verify(signature.KeyId, signature.CanonicalBytes(), Convert.FromBase64String(signature.Signature!)))
        {
            return Fail(
                EvidenceProblemKind.BadSignature,
                $"{sigPath} has a bad signature: its fields were edited after signing, or it was not made with key {signature.KeyId}. Do not trust {path}. {signAgain}.",
                signature);
        }

        var name = Path.GetFileName(path);
        if (!string.Equals(signature.File, name, StringComparison.Ordinal))
        {
            return Fail(
                EvidenceProblemKind.WrongFile,
                $"{sigPath} signs \"{signature.File}\", not \"{name}\": the file was renamed or the signature copied from another file. Rename it back to {signature.File}, or sign {path} itself.",
                signature);
        }

        if (!string.Equals(signature.Sha256, sha256, StringComparison.Ordinal))
        {
            var size = bytes == signature.Bytes ? $"{bytes} bytes, as signed" : $"{bytes} bytes, signed {signature.Bytes}";
            return Fail(
                EvidenceProblemKind.ContentChanged,
                $"{path} changed after it was signed (sha256 {sha256[..12]}…, signed {signature.Sha256[..12]}…; {size}). Do not trust it: restore the signed file, or run the stories again and sign the new results.",
                signature);
        }

        return new EvidenceVerification(
            path,
            sigPath,
            null,
            $"{path}: OK (sha256 {sha256[..12]}…, {bytes} bytes, signed by trusted key {signature.KeyId} at {signature.SignedAt.UtcDateTime.ToString(SignedAtFormat, CultureInfo.InvariantCulture)})",
            signature);
    }

    /// <summary>Reads a signature file strictly: every field present and well-formed, no unknown property.</summary>
    /// <param name="signaturePath">The <c>.sig</c> file.</param>
    /// <returns>The signature (not yet verified).</returns>
    /// <exception cref="SecureReqsException">The file is missing, not JSON, or a field is missing or malformed; the message names the file.</exception>
    public static EvidenceSignature Read(string signaturePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(signaturePath);
        var info = new FileInfo(signaturePath);
        if (!info.Exists)
        {
            throw new SecureReqsException($"{signaturePath}: no such signature file.");
        }

        if (info.Length > MaxSignatureFileBytes)
        {
            throw Unreadable(signaturePath, $"it is {info.Length} bytes, far larger than a signature");
        }

        var utf8 = System.IO.File.ReadAllBytes(signaturePath);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8.AsMemory(3) : utf8, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw Unreadable(signaturePath, $"it is not valid JSON (line {(ex.LineNumber ?? 0) + 1})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Unreadable(signaturePath, "it is not a JSON object");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!s_properties.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Unreadable(signaturePath, $"it has an unknown property \"{property.Name}\"");
                }
            }

            var schema = Text(root, "schema", signaturePath);
            if (schema != SchemaV1)
            {
                throw Unreadable(signaturePath, $"its schema is \"{schema}\", not \"{SchemaV1}\"");
            }

            var algorithm = Text(root, "algorithm", signaturePath);
            if (algorithm != ManifestSignature.EcdsaP256Sha256)
            {
                throw Unreadable(signaturePath, $"its algorithm is \"{algorithm}\", not \"{ManifestSignature.EcdsaP256Sha256}\"");
            }

            var file = Text(root, "file", signaturePath);
            if (file.Length == 0 || file.IndexOfAny(['/', '\\']) >= 0)
            {
                throw Unreadable(signaturePath, "\"file\" must be a file name without folders");
            }

            var sha256 = Text(root, "sha256", signaturePath);
            if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            {
                throw Unreadable(signaturePath, "\"sha256\" is not 64 lowercase hex digits");
            }

            if (!root.TryGetProperty("bytes", out var bytesElement) || bytesElement.ValueKind != JsonValueKind.Number
                || !bytesElement.TryGetInt64(out var bytes) || bytes < 0)
            {
                throw Unreadable(signaturePath, "\"bytes\" is missing or not a whole number of bytes");
            }

            var keyId = Text(root, "keyId", signaturePath);
            if (keyId.Length != 16 || !keyId.All(char.IsAsciiHexDigitLower))
            {
                throw Unreadable(signaturePath, "\"keyId\" is not 16 lowercase hex digits");
            }

            var signedAtText = Text(root, "signedAt", signaturePath);
            if (!DateTimeOffset.TryParseExact(signedAtText, SignedAtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
            {
                throw Unreadable(signaturePath, $"\"signedAt\" is not a UTC time such as 2026-01-31T09:30:15Z");
            }

            var value = Text(root, "signature", signaturePath);
            var raw = new byte[64];
            if (!Convert.TryFromBase64String(value, raw, out var written) || written != 64)
            {
                throw Unreadable(signaturePath, "\"signature\" is not base64 of a 64-byte ECDSA P-256 signature");
            }

            return new EvidenceSignature
            {
                Schema = schema,
                File = file,
                Sha256 = sha256,
                Bytes = bytes,
                Algorithm = algorithm,
                KeyId = keyId,
                SignedAt = signedAt,
                Signature = value,
            };
        }
    }

    /// <summary>The bytes the signature covers: the signature file without its <c>signature</c>, in RFC 8785 canonical form.</summary>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] CanonicalBytes()
    {
        // Property names are fixed ASCII, written in the order RFC 8785 sorts them.
        var json = new StringBuilder(256);
        json.Append("{\"algorithm\":");
        ManifestJson.AppendString(json, Algorithm);
        json.Append(",\"bytes\":").Append(Bytes.ToString(CultureInfo.InvariantCulture));
        json.Append(",\"file\":");
        ManifestJson.AppendString(json, File);
        json.Append(",\"keyId\":");
        ManifestJson.AppendString(json, KeyId);
        json.Append(",\"schema\":");
        ManifestJson.AppendString(json, Schema);
        json.Append(",\"sha256\":");
        ManifestJson.AppendString(json, Sha256);
        json.Append(",\"signedAt\":");
        ManifestJson.AppendString(json, SignedAt.UtcDateTime.ToString(SignedAtFormat, CultureInfo.InvariantCulture));
        json.Append('}');
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(json.ToString());
    }

    private static (string Sha256, long Bytes) Hash(string path, string verb)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!System.IO.File.Exists(path))
        {
            throw new SecureReqsException(
                Directory.Exists(path)
                    ? $"{path} is a folder. Name the results file to {verb}, such as {Path.Combine(path, "results.json")}."
                    : $"{path}: no such file. Name the results.json that `securereqs run` wrote (by default securereqs-report/results.json).");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var hash = SHA256.HashData(stream);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }

    private static string Text(JsonElement root, string name, string signaturePath) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw Unreadable(signaturePath, $"\"{name}\" is missing or not a string");

    private static SecureReqsException Unreadable(string signaturePath, string problem) =>
        new($"{signaturePath} is not a readable evidence signature: {problem}.");

    private byte[] ToFileBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("file", File);
            json.WriteString("sha256", Sha256);
            json.WriteNumber("bytes", Bytes);
            json.WriteString("algorithm", Algorithm);
            json.WriteString("keyId", KeyId);
            json.WriteString("signedAt", SignedAt.UtcDateTime.ToString(SignedAtFormat, CultureInfo.InvariantCulture));
            json.WriteString("signature", Signature);
            json.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }
}
