using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// A folder of target answers, one JSON file per key (<c>&lt;dir&gt;/ab/abcdef….json</c>), written atomically.
/// </summary>
/// <remarks>
/// Thread-safe, and safe for several processes sharing the folder: an entry is written to a temporary file and moved into
/// place. An unreadable entry is a miss, never an error. The cache holds the prompts and answers of the runs (adversarial
/// text, synthetic PII): keep the folder out of version control.
/// </remarks>
public sealed class DiskResponseCache
{
    /// <summary>The schema id written in each entry.</summary>
    public const string Schema = "securereqs.cache/v1";

    /// <summary>Creates a cache in <paramref name="directory"/> (created when the first entry is written).</summary>
    /// <param name="directory">The folder.</param>
    public DiskResponseCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>The default folder for a project: <c>.securereqs/cache</c> under <paramref name="projectDirectory"/>.</summary>
    /// <param name="projectDirectory">The folder holding <c>securereqs.json</c>, or the current folder.</param>
    /// <returns>The folder.</returns>
    public static string DefaultDirectory(string projectDirectory) => Path.Combine(projectDirectory, ".securereqs", "cache");

    /// <summary>Reads an entry.</summary>
    /// <param name="key">The key, a hexadecimal hash.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or null when there is none or it cannot be read.</returns>
    public async Task<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
            if (node?["schema"]?.GetValue<string>() != Schema || node["response"] is not JsonObject response)
            {
                return null;
            }

            var answer = response.Deserialize(AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatResponse))) as ChatResponse;
            var latency = TimeSpan.FromMilliseconds(node["latencyMs"]?.GetValue<double>() ?? 0);
            return answer is null ? null : new CachedResponse(answer, latency);
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
        {
            // A damaged or foreign file is a miss: the request goes to the target and the entry is rewritten.
            return null;
        }
    }

    /// <summary>Writes an entry, replacing any with the same key.</summary>
    /// <param name="key">The key, a hexadecimal hash.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public async Task SetAsync(string key, CachedResponse entry, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        var folder = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(folder);
        var node = new JsonObject
        {
            ["schema"] = Schema,
            ["latencyMs"] = Math.Round(entry.Latency.TotalMilliseconds, 3),
            ["response"] = JsonSerializer.SerializeToNode(entry.Response, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatResponse))),
        };
        var temporary = Path.Combine(folder, $".{key}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, node.ToJsonString(), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string key)
    {
        if (key.Length < 16 || !key.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("A cache key is a hexadecimal hash.", nameof(key));
        }

        return Path.Combine(Directory, key[..2], key + ".json");
    }
}
