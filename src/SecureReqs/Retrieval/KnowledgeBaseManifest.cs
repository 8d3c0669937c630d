using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// An integrity manifest of a knowledge base: for every document, the SHA-256 of its content (with its id and label)
/// and of its stored embedding. Checking a store against it reports changed content, changed vectors, vectors
/// swapped between documents, and documents added or removed since it was written.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class KnowledgeBaseManifest
{
    private readonly Dictionary<string, KnowledgeBaseManifestEntry> _entries;

    /// <summary>Creates a manifest of <paramref name="entries"/>.</summary>
    /// <param name="entries">The entries.</param>
    public KnowledgeBaseManifest(IEnumerable<KnowledgeBaseManifestEntry> entries)
    {
        _entries = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>The entries by document id.</summary>
    public IReadOnlyDictionary<string, KnowledgeBaseManifestEntry> Entries => _entries;

    /// <summary>Writes a manifest of the documents and their vectors as they are now.</summary>
    /// <param name="documents">The documents with their stored embeddings.</param>
    /// <returns>The manifest.</returns>
    public static KnowledgeBaseManifest Create(IEnumerable<(KnowledgeDocument Document, ReadOnlyMemory<float> Vector)> documents) =>
        new(documents.Select(d => new KnowledgeBaseManifestEntry(d.Document.Id, d.Document.Classification, ContentHash(d.Document), VectorHash(d.Vector))));

    /// <summary>Whether a retrieved document is exactly as listed (content, label, and the vector when the store returned one).</summary>
    /// <param name="document">The retrieved document.</param>
    /// <returns>True when it is listed and unchanged.</returns>
    public bool Vouches(RetrievedDocument document) =>
        _entries.TryGetValue(document.Document.Id, out var entry)
        && entry.ContentSha256 == ContentHash(document.Document)
        && (document.Vector.IsEmpty || entry.VectorSha256 == VectorHash(document.Vector));

    /// <summary>Checks a store's documents and vectors against the manifest.</summary>
    /// <param name="documents">Everything the store holds now.</param>
    /// <returns>Every problem; empty when the store matches.</returns>
    public IReadOnlyList<string> Verify(IEnumerable<(KnowledgeDocument Document, ReadOnlyMemory<float> Vector)> documents)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byVector = _entries.Values.GroupBy(e => e.VectorSha256).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToList());
        foreach (var (document, vector) in documents)
        {
            seen.Add(document.Id);
            if (!_entries.TryGetValue(document.Id, out var entry))
            {
                problems.Add($"{document.Id}: not in the manifest (added after it was written)");
                continue;
            }

            if (entry.ContentSha256 != ContentHash(document))
            {
                problems.Add($"{document.Id}: content or label changed (SHA-256 {ContentHash(document)[..12]}…, manifest {entry.ContentSha256[..12]}…)");
            }

            var vectorHash = VectorHash(vector);
            if (entry.VectorSha256 != vectorHash)
            {
                problems.Add(byVector.TryGetValue(vectorHash, out var owners) && !owners.Contains(document.Id)
                    ? $"{document.Id}: its vector was swapped; it is the vector of {string.Join(", ", owners)}"
                    : $"{document.Id}: its vector was changed");
            }
        }

        problems.AddRange(_entries.Keys.Where(id => !seen.Contains(id)).Order(StringComparer.Ordinal).Select(id => $"{id}: in the manifest but missing from the store"));
        return problems;
    }

    /// <summary>Writes the manifest as JSON.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        var json = new
        {
            schema = "securereqs.kb-manifest/v1",
            documents = _entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => new { id = e.Id, classification = e.Classification, content_sha256 = e.ContentSha256, vector_sha256 = e.VectorSha256 }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Reads a manifest written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="DatasetException">The file is missing or malformed.</exception>
    public static KnowledgeBaseManifest Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (IOException ex)
        {
            throw new DatasetException(path, null, $"cannot read the knowledge-base manifest ({ex.Message}).", ex);
        }
    }

    /// <summary>Reads a manifest written by <see cref="Save"/> from a stream.</summary>
    /// <param name="stream">The JSON.</param>
    /// <param name="source">Its name, for messages.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="DatasetException">The JSON is malformed.</exception>
    public static KnowledgeBaseManifest Read(Stream stream, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(stream);
            return new KnowledgeBaseManifest(document.RootElement.GetProperty("documents").EnumerateArray().Select(e => new KnowledgeBaseManifestEntry(
                e.GetProperty("id").GetString()!, e.GetProperty("classification").GetString()!, e.GetProperty("content_sha256").GetString()!, e.GetProperty("vector_sha256").GetString()!)));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DatasetException(source, null, $"not a knowledge-base manifest ({ex.Message}). Recreate it with KnowledgeBaseManifest.Create(...).Save(path).", ex);
        }
    }

    /// <summary>The SHA-256 of a document's id, label and content (lowercase hex).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The hash.</returns>
    public static string ContentHash(KnowledgeDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{document.Id}\n{document.Classification}\n{document.Content}")));

    /// <summary>The SHA-256 of a vector's float32 little-endian bytes (lowercase hex).</summary>
    /// <param name="vector">The vector.</param>
    /// <returns>The hash.</returns>
    public static string VectorHash(ReadOnlyMemory<float> vector)
    {
        var bytes = MemoryMarshal.AsBytes(vector.Span);
        if (!BitConverter.IsLittleEndian)
        {
            var copy = vector.ToArray();
            var buffer = new byte[copy.Length * 4];
            for (var i = 0; i < copy.Length; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), copy[i]);
            }

            return Convert.ToHexStringLower(SHA256.HashData(buffer));
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
