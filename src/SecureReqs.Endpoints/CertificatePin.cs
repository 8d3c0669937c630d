using System.Net.Security;
using System.Security.Cryptography;

namespace SecureReqs.Endpoints;

/// <summary>Trusts a server certificate that no trusted authority signed when its SHA-256 is the configured one
/// (<c>tlsCertificateSha256</c>); every other certificate is judged as the system judges it.</summary>
internal static class CertificatePin
{
    public static RemoteCertificateValidationCallback? Callback(string? sha256)
    {
        if (sha256 is null)
        {
            return null;
        }

        var hex = sha256.Replace(":", "", StringComparison.Ordinal).Trim();
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new SecureReqsException("tlsCertificateSha256 is not a SHA-256 in hex (64 hex digits, colons allowed): set it to the certificate's SHA-256 fingerprint.");
        }

        var pinned = Convert.FromHexString(hex);
        return (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (certificate is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(certificate.GetRawCertData()), pinned));
    }
}
