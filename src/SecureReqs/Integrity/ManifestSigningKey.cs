using System.Security.Cryptography;

namespace SecureReqs;

/// <summary>The private key that signs manifests: an ECDSA P-256 key read from PEM text (PKCS#8, <c>BEGIN PRIVATE KEY</c>).</summary>
/// <remarks>
/// <para>
/// Security contract: the key comes from an environment variable (by default <see cref="DefaultVariable"/>) holding
/// the PEM text itself, never from a file in the repository. No member returns or prints the private key; errors name
/// the variable, never its value, and <see cref="ToString"/> shows only the key id.
/// </para>
/// <para>Thread-safety: signing is safe from several threads; dispose once, after use.</para>
/// </remarks>
public sealed class ManifestSigningKey : IDisposable
{
    /// <summary>The environment variable that holds the signing key's PEM text unless another is named.</summary>
    public const string DefaultVariable = "SECUREREQS_SIGNING_KEY";

    private readonly ECDsa _key;

    private ManifestSigningKey(ECDsa key)
    {
        _key = key;
        PublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        KeyId = TrustedSigners.KeyIdOf(PublicKeyInfo.Span);
    }

    /// <summary>The key id: the first 16 lowercase hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo, DER).</summary>
    public string KeyId { get; }

    /// <summary>The public key as SubjectPublicKeyInfo (DER).</summary>
    public ReadOnlyMemory<byte> PublicKeyInfo { get; }

    /// <summary>Reads the key from an environment variable that holds its PEM text.</summary>
    /// <param name="variable">The variable's name, such as <see cref="DefaultVariable"/>.</param>
    /// <param name="read">Reads an environment variable (null or empty when unset).</param>
    /// <returns>The key.</returns>
    /// <exception cref="SecureReqsException">The variable is unset or does not hold a P-256 private key; the message names the variable only.</exception>
    public static ManifestSigningKey FromEnvironment(string variable, Func<string, string?> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        ArgumentNullException.ThrowIfNull(read);
        var pem = read(variable);
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new SecureReqsException(
                $"The signing key is not set: the environment variable {variable} is empty or unset. Set it to the PEM text of the "
                + $"EC P-256 private key, for example {variable}=\"$(cat /path/outside/the/repo/signing-key.pem)\"; see docs/integrity.md.");
        }

        return FromPem(pem, $"the environment variable {variable}");
    }

    /// <summary>Reads the key from PEM text.</summary>
    /// <param name="pem">The PEM text of a PKCS#8 (or SEC1) EC P-256 private key.</param>
    /// <param name="origin">Where the text came from, for messages, such as "the environment variable SECUREREQS_SIGNING_KEY".</param>
    /// <returns>The key.</returns>
    /// <exception cref="SecureReqsException">The text is not an unencrypted P-256 private key; the message does not quote it.</exception>
    public static ManifestSigningKey FromPem(string pem, string origin)
    {
        ArgumentNullException.ThrowIfNull(pem);
        const string Generate = "Generate one with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out signing-key.pem`";
        if (!pem.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            throw new SecureReqsException($"{Capitalize(origin)} does not hold PEM text. It must hold the key itself (\"-----BEGIN PRIVATE KEY-----…\"), not the path of the key file: use \"$(cat <file>)\".");
        }

        if (pem.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new SecureReqsException($"{Capitalize(origin)} holds an encrypted private key. Give it the decrypted key (`openssl pkey -in <encrypted.pem>`), kept in a secret store.");
        }

        if (!pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new SecureReqsException($"{Capitalize(origin)} holds no private key (a public key cannot sign). {Generate}.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            // The parser's message is not passed on: it must never risk quoting key material.
            key.Dispose();
            throw new SecureReqsException($"{Capitalize(origin)} is not a readable EC private key in PEM form. {Generate}.");
        }

        if (!TrustedSigners.IsP256(key))
        {
            key.Dispose();
            throw new SecureReqsException($"{Capitalize(origin)} holds a key that is not on the P-256 curve; manifests are signed with {ManifestSignature.EcdsaP256Sha256}. {Generate}.");
        }

        return new ManifestSigningKey(key);
    }

    /// <summary>The public key in PEM form (<c>BEGIN PUBLIC KEY</c>), for a trusted-signers file.</summary>
    /// <returns>The PEM text.</returns>
    public string ExportPublicKeyPem() => PemEncoding.WriteString("PUBLIC KEY", PublicKeyInfo.Span) + "\n";

    /// <summary>Signs <paramref name="data"/> with SHA-256.</summary>
    /// <param name="data">The canonical manifest bytes.</param>
    /// <returns>The 64-byte IEEE P1363 signature.</returns>
    public byte[] Sign(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <summary>Names the key by its id only.</summary>
    /// <returns>For example <c>signing key 3f2a9c0d1b4e5a67</c>.</returns>
    public override string ToString() => $"signing key {KeyId}";

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
