using System.Security.Cryptography;

namespace SecureReqs;

/// <summary>The SHA-256 of a file as manifests, evidence packs and results record it: lower-case hex.</summary>
public static class FileHashes
{
    /// <summary>The SHA-256 of the file's bytes.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Lower-case hex.</returns>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
