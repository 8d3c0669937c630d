using System.Security.Cryptography;
using System.Text.Json;

namespace SecureReqs;

/// <summary>Creates signed manifests: hashes every file of a subject, records provenance, signs, and writes the manifest.</summary>
/// <remarks>
/// <para>
/// Files are hashed as streams, so memory does not grow with the size of an artifact. Provenance is, field by field,
/// what the caller gives, else what a dataset folder's <c>manifest.json</c> says (its <c>sources</c> become
/// <c>source</c>), else <see cref="DefaultProvenance"/>.
/// </para>
/// <para>Thread-safety: an instance may create manifests for different subjects concurrently.</para>
/// </remarks>
public sealed class SignedManifestWriter
{
    private readonly ManifestSigningKey _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a writer.</summary>
    /// <param name="key">The signing key.</param>
    /// <param name="timeProvider">The clock for <see cref="SignedManifest.Created"/>; <see cref="TimeProvider.System"/> when null.</param>
    public SignedManifestWriter(ManifestSigningKey key, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The provenance written when neither the caller nor a dataset manifest says otherwise.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns><c>source</c>, <c>authors</c> and <c>method</c>.</returns>
    public static IReadOnlyDictionary<string, string> DefaultProvenance(ManifestSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["source"] = $"local {(subject.Kind == ManifestSubjectKind.Folder ? "folder" : "file")} {subject.Name}",
            ["authors"] = "unspecified",
            ["method"] = "files hashed and signed with securereqs manifest create",
        };
    }

    /// <summary>Creates and writes the manifests of every subject at <paramref name="path"/> (see <see cref="ManifestSubject.Discover"/>).</summary>
    /// <param name="path">A folder, a folder of folders, or an artifact file.</param>
    /// <param name="provenance">Provenance fields that win over the defaults, or null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Each subject with the manifest written for it.</returns>
    /// <exception cref="SecureReqsException">The path does not exist or is empty.</exception>
    public async Task<IReadOnlyList<(ManifestSubject Subject, SignedManifest Manifest)>> CreateAllAsync(
        string path, IReadOnlyDictionary<string, string>? provenance = null, CancellationToken cancellationToken = default)
    {
        var written = new List<(ManifestSubject, SignedManifest)>();
        foreach (var subject in ManifestSubject.Discover(path))
        {
            written.Add((subject, await CreateAsync(subject, provenance, cancellationToken).ConfigureAwait(false)));
        }

        return written;
    }

    /// <summary>Creates, signs and writes the manifest of one subject, replacing any manifest it had.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="provenance">Provenance fields that win over the defaults, or null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The manifest written to <see cref="ManifestSubject.ManifestPath"/>.</returns>
    public async Task<SignedManifest> CreateAsync(ManifestSubject subject, IReadOnlyDictionary<string, string>? provenance = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var files = new List<ManifestFileEntry>();
        foreach (var (relative, full) in subject.EnumerateFiles())
        {
            var (sha, bytes) = await HashAsync(full, cancellationToken).ConfigureAwait(false);
            files.Add(new ManifestFileEntry(relative, sha, bytes));
        }

        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in new[] { DefaultProvenance(subject), DatasetProvenance(subject), provenance ?? new Dictionary<string, string>() })
        {
            foreach (var (key, value) in layer)
            {
                if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(value))
                {
                    merged[key] = value;
                }
            }
        }

        var now = _time.GetUtcNow();
        var unsigned = new SignedManifest
        {
            Subject = subject.Name,
            Created = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            Provenance = merged,
            Files = files,
        };
        var manifest = unsigned with
        {
            Signature = new ManifestSignature(ManifestSignature.EcdsaP256Sha256, _key.KeyId, Convert.ToBase64String(_key.Sign(unsigned.CanonicalBytes()))),
        };

        // Written beside the target and moved into place, so a reader never sees half a manifest.
        var temporary = subject.ManifestPath + ".tmp";
        await File.WriteAllBytesAsync(temporary, ManifestJson.File(manifest), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, subject.ManifestPath, overwrite: true);
        return manifest;
    }

    /// <summary>Hashes a file as a stream.</summary>
    /// <returns>The SHA-256 (lowercase hex) and the number of bytes.</returns>
    internal static async Task<(string Sha256, long Bytes)> HashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
        }
    }

    // A dataset folder's manifest.json provenance, read loosely: signing must not depend on the dataset being loadable.
    private static Dictionary<string, string> DatasetProvenance(ManifestSubject subject)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(subject.Path, DatasetLoader.ManifestFileName);
        if (subject.Kind != ManifestSubjectKind.Folder || !File.Exists(path))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("provenance", out var provenance)
                || provenance.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var property in provenance.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Array => string.Join("; ", property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(value))
                {
                    result[property.Name == "sources" && !provenance.TryGetProperty("source", out _) ? "source" : property.Name] = value;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed dataset manifest is the dataset loader's error to report; the signed manifest keeps the defaults.
        }

        return result;
    }
}
