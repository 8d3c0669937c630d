using System.Security.Cryptography;

namespace SecureReqs.Testing;

/// <summary>Fresh EC P-256 key pairs in PEM for manifest signing tests: never the project's own key.</summary>
public static class TestSigningKeys
{
    /// <summary>Creates a key pair.</summary>
    /// <returns>The PKCS#8 private key PEM and the public key PEM.</returns>
    public static (string PrivatePem, string PublicPem) Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem() + "\n");
    }
}
