using System.Security.Cryptography;

namespace SecureReqs;

/// <summary>
/// The public keys whose signatures on manifests are trusted, by key id. They come from a PEM file that may hold
/// several <c>PUBLIC KEY</c> blocks (to rotate keys, list the new key next to the old one until every manifest is
/// re-signed), from <see cref="VerifyKeyVariable"/>, or from the nearest <see cref="DefaultFile"/>.
/// </summary>
/// <remarks>
/// Security contract: trust is exactly this set. Whoever can change the file (for <see cref="DefaultFile"/>, whoever
/// can get a change to it through review) can change what verifies. Immutable and thread-safe.
/// </remarks>
public sealed class TrustedSigners
{
    /// <summary>The environment variable that may hold the trusted public keys' PEM text.</summary>
    public const string VerifyKeyVariable = "SECUREREQS_VERIFY_KEY";

    /// <summary>The trusted-signers file, relative to a repository root; the nearest one above a verified path is used.</summary>
    public const string DefaultFile = ".securereqs/trusted-signers.pem";

    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly Dictionary<string, byte[]> _keys;

    private TrustedSigners(Dictionary<string, byte[]> keys, string origin)
    {
        _keys = keys;
        Origin = origin;
    }

    /// <summary>Where the keys came from, for messages: a file path or an environment variable's name.</summary>
    public string Origin { get; }

    /// <summary>The trusted key ids, in ordinal order.</summary>
    public IReadOnlyList<string> KeyIds => [.. _keys.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Reads the trusted keys from PEM text holding one or more <c>PUBLIC KEY</c> blocks (EC P-256).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="origin">Where it came from, for messages.</param>
    /// <returns>The trusted keys.</returns>
    /// <exception cref="SecureReqsException">No public key, a block that is not an EC P-256 public key, or a private key.</exception>
    public static TrustedSigners FromPem(string pem, string origin)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            if (label.Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                throw new SecureReqsException($"{origin} holds a private key. Trusted signers are public keys only: remove the private key from it and treat that key as exposed (rotate it).");
            }

            if (label != "PUBLIC KEY")
            {
                throw new SecureReqsException($"{origin} holds a \"{label}\" block. List only public keys (\"-----BEGIN PUBLIC KEY-----\"), exported with `openssl pkey -in <private.pem> -pubout`.");
            }

            var der = Convert.FromBase64String(rest[fields.Base64Data].ToString());
            using (var key = ECDsa.Create())
            {
                try
                {
                    key.ImportSubjectPublicKeyInfo(der, out _);
                }
                catch (CryptographicException)
                {
                    throw new SecureReqsException($"{origin}: public key {keys.Count + 1} is not an EC public key. Export the signer's key with `openssl pkey -in <private.pem> -pubout`.");
                }

                if (!IsP256(key))
                {
                    throw new SecureReqsException($"{origin}: public key {keys.Count + 1} is not on the P-256 curve; manifests are signed with {ManifestSignature.EcdsaP256Sha256}.");
                }
            }

            keys[KeyIdOf(der)] = der;
            rest = rest[fields.Location.End..];
        }

        return keys.Count > 0
            ? new TrustedSigners(keys, origin)
            : throw new SecureReqsException($"{origin} holds no public key. It must hold one or more \"-----BEGIN PUBLIC KEY-----\" blocks (`openssl pkey -in <private.pem> -pubout`).");
    }

    /// <summary>Reads the trusted keys from a PEM file.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The trusted keys.</returns>
    /// <exception cref="SecureReqsException">The file is missing or holds no usable public key.</exception>
    public static TrustedSigners Load(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return File.Exists(file)
            ? FromPem(File.ReadAllText(file), file)
            : throw new SecureReqsException($"{file}: no such public key file. Name a PEM file of trusted public keys.");
    }

    /// <summary>
    /// The trusted keys for verifying <paramref name="start"/>: <paramref name="publicKeyFile"/> when given, else the PEM
    /// text in <see cref="VerifyKeyVariable"/>, else the nearest <see cref="DefaultFile"/> from <paramref name="start"/> upwards.
    /// </summary>
    /// <param name="publicKeyFile">A PEM file named explicitly, or null.</param>
    /// <param name="variables">Reads an environment variable.</param>
    /// <param name="start">The verified file or folder.</param>
    /// <returns>The trusted keys, or null when none of the three is there.</returns>
    /// <exception cref="SecureReqsException">The source found holds no usable public key.</exception>
    public static TrustedSigners? Resolve(string? publicKeyFile, Func<string, string?> variables, string start)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (publicKeyFile is not null)
        {
            return Load(publicKeyFile);
        }

        if (variables(VerifyKeyVariable) is { Length: > 0 } pem)
        {
            return FromPem(pem, $"the environment variable {VerifyKeyVariable}");
        }

        return FindDefaultFile(start) is { } file ? Load(file) : null;
    }

    /// <summary>Finds the nearest <see cref="DefaultFile"/> from <paramref name="start"/> (a file or folder) upwards.</summary>
    /// <param name="start">Where to start looking.</param>
    /// <returns>The file, or null.</returns>
    public static string? FindDefaultFile(string start)
    {
        var full = Path.GetFullPath(start);
        for (var dir = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A public key's id: the first 16 lowercase hex digits of the SHA-256 of its SubjectPublicKeyInfo (DER).</summary>
    /// <param name="subjectPublicKeyInfo">The DER bytes, as in a <c>PUBLIC KEY</c> PEM block.</param>
    /// <returns>The id, such as <c>3f2a9c0d1b4e5a67</c> (<c>openssl pkey -pubin -in key.pem -outform DER | sha256sum | cut -c1-16</c>).</returns>
    public static string KeyIdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    /// <summary>Whether <paramref name="keyId"/> is trusted.</summary>
    /// <param name="keyId">The key id.</param>
    /// <returns>True when the key is in the set.</returns>
    public bool Contains(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>Checks a signature made by the trusted key <paramref name="keyId"/>.</summary>
    /// <param name="keyId">The key id.</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The IEEE P1363 signature.</param>
    /// <returns>True when the key is trusted and the signature is valid.</returns>
    public bool Verify(string keyId, byte[] data, byte[] signature)
    {
        if (!_keys.TryGetValue(keyId, out var der))
        {
            return false;
        }

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(der, out _);
        return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Describes the set for messages: the key ids and where they came from.</summary>
    /// <returns>For example <c>3f2a9c0d1b4e5a67 (from .securereqs/trusted-signers.pem)</c>.</returns>
    public override string ToString() => $"{string.Join(", ", KeyIds)} (from {Origin})";

    internal static bool IsP256(ECDsa key) =>
        key.KeySize == 256 && key.ExportParameters(includePrivateParameters: false).Curve.Oid is { } oid
        && (oid.Value == P256Oid || oid.FriendlyName is "nistP256" or "ECDSA_P256");
}
