using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// A folder of target answers, one file per key (<c>&lt;dir&gt;/ab/abcdef….json</c>), written atomically, readable by
/// the owner only, and encrypted (AES-256-GCM) when <c>SECUREREQS_CACHE_KEY</c> holds a key.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe, and safe for several processes sharing the folder: an entry is written to a temporary file and moved into
/// place. An unreadable entry is a miss, never an error. The cache holds the prompts and answers of the runs (adversarial
/// text, synthetic PII, and whatever the target really said): keep the folder out of version control.
/// </para>
/// <para>
/// On Linux and macOS the folders the cache creates are <c>0700</c> and its files <c>0600</c>; its two-character
/// subfolders are narrowed to <c>0700</c> when an entry is written in them. A folder that existed before keeps its mode.
/// </para>
/// <para>
/// With a key, each entry is the JSON text sealed with AES-256-GCM: the header <c>SRQC</c> and a version byte (1), a
/// random 12-byte nonce, the 16-byte tag, then the ciphertext; the header and the entry's key are authenticated with it,
/// so an entry moved to another key's file does not open. An entry that does not open (tampered, another key, or written
/// in the other mode: plain JSON while a key is set, or sealed while none is) is a miss, and is overwritten by the
/// next answer; it is never replayed.
/// </para>
/// </remarks>
public sealed class DiskResponseCache
{
    /// <summary>The schema id written in each entry.</summary>
    public const string Schema = "securereqs.cache/v1";

    /// <summary>The environment variable that holds the encryption key: the base64 of 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
    public const string KeyVariable = "SECUREREQS_CACHE_KEY";

    private const byte Version = 1;
    private const int HeaderSize = 5;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode EntryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupAndOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly byte[]? _key;

    /// <summary>Creates a cache in <paramref name="directory"/> (created when the first entry is written), encrypted when <c>SECUREREQS_CACHE_KEY</c> is set.</summary>
    /// <param name="directory">The folder.</param>
    /// <exception cref="SecureReqsException"><c>SECUREREQS_CACHE_KEY</c> is set but is not the base64 of 32 bytes.</exception>
    public DiskResponseCache(string directory)
        : this(directory, null)
    {
    }

    /// <summary>Creates a cache in <paramref name="directory"/> (created when the first entry is written).</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="getEnvironmentVariable">
    /// Reads an environment variable, here <see cref="KeyVariable"/>; null for the process environment. When it gives a
    /// value, entries are encrypted with it.
    /// </param>
    /// <exception cref="SecureReqsException">The key is not the base64 of 32 bytes; the message names the variable and how to make a key, never the value.</exception>
    public DiskResponseCache(string directory, Func<string, string?>? getEnvironmentVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _key = ReadKey((getEnvironmentVariable ?? Environment.GetEnvironmentVariable)(KeyVariable));
    }

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>Whether entries are encrypted at rest (a key was given).</summary>
    public bool IsEncrypted => _key is not null;

    /// <summary>The default folder for a project: <c>.securereqs/cache</c> under <paramref name="projectDirectory"/>.</summary>
    /// <param name="projectDirectory">The folder holding <c>securereqs.json</c>, or the current folder.</param>
    /// <returns>The folder.</returns>
    public static string DefaultDirectory(string projectDirectory) => Path.Combine(projectDirectory, ".securereqs", "cache");

    /// <summary>Reads an entry.</summary>
    /// <param name="key">The key, a hexadecimal hash.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or null when there is none or it cannot be read (or opened).</returns>
    public async Task<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            if (Open(key, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) is not { } json)
            {
                return null;
            }

            var node = JsonNode.Parse(json);
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
        ArgumentNullException.ThrowIfNull(entry);
        var path = PathOf(key);
        var folder = Path.GetDirectoryName(path)!;
        CreateFolder(folder);
        var node = new JsonObject
        {
            ["schema"] = Schema,
            ["latencyMs"] = Math.Round(entry.Latency.TotalMilliseconds, 3),
            ["response"] = JsonSerializer.SerializeToNode(entry.Response, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatResponse))),
        };
        var bytes = Seal(key, Encoding.UTF8.GetBytes(node.ToJsonString()));
        var temporary = Path.Combine(folder, $".{key}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            // Created with the owner's permissions only: the answer is never readable by others, not even for a moment.
            options.UnixCreateMode = EntryMode;
        }

        try
        {
            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static byte[]? ReadKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        const string howTo = "Set it to the base64 of 32 random bytes, made with `openssl rand -base64 32`, or unset it to keep the response cache unencrypted.";
        var buffer = new byte[value.Length];
        try
        {
            if (!Convert.TryFromBase64String(value.Trim(), buffer, out var length))
            {
                throw new SecureReqsException($"{KeyVariable} is not base64, so it is not an encryption key for the response cache. {howTo}");
            }

            if (length != KeySize)
            {
                throw new SecureReqsException($"{KeyVariable} holds {length} bytes, and the response cache's AES-256 key is {KeySize} bytes. {howTo}");
            }

            if (!AesGcm.IsSupported)
            {
                throw new SecureReqsException($"{KeyVariable} is set, but AES-GCM is not available on this platform, so the response cache cannot be encrypted. Unset it, or run where AES-GCM is available (Windows, Linux with OpenSSL, macOS).");
            }

            return buffer[..KeySize];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    private static ReadOnlySpan<byte> Magic => "SRQC"u8;

    // What the tag also vouches for: the format and the entry's key, so a sealed entry opens only in its own file.
    private static byte[] AssociatedData(string key) => [.. Magic, Version, .. Encoding.ASCII.GetBytes(key.ToLowerInvariant())];

    private byte[] Seal(string key, byte[] json)
    {
        if (_key is null)
        {
            return json;
        }

        var sealedEntry = new byte[HeaderSize + NonceSize + TagSize + json.Length];
        Magic.CopyTo(sealedEntry);
        sealedEntry[Magic.Length] = Version;
        var nonce = sealedEntry.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, json, sealedEntry.AsSpan(HeaderSize + NonceSize + TagSize), sealedEntry.AsSpan(HeaderSize + NonceSize, TagSize), AssociatedData(key));
        return sealedEntry;
    }

    // The entry's JSON, or null when it does not open in this mode.
    private byte[]? Open(string key, byte[] stored)
    {
        var isSealed = stored.AsSpan().StartsWith(Magic);
        if (_key is null)
        {
            return isSealed ? null : stored;
        }

        if (!isSealed || stored.Length < HeaderSize + NonceSize + TagSize || stored[Magic.Length] != Version)
        {
            return null;
        }

        var json = new byte[stored.Length - HeaderSize - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            aes.Decrypt(stored.AsSpan(HeaderSize, NonceSize), stored.AsSpan(HeaderSize + NonceSize + TagSize), stored.AsSpan(HeaderSize + NonceSize, TagSize), json, AssociatedData(key));
            return json;
        }
        catch (CryptographicException)
        {
            // Tampered, or sealed with another key.
            return null;
        }
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(folder);
            return;
        }

        // The folder and every missing parent (the cache's own folder included) are created 0700, top down: creating
        // the folder alone would give its missing parents the default mode.
        var missing = new Stack<string>();
        for (var path = folder; !string.IsNullOrEmpty(path) && !System.IO.Directory.Exists(path); path = Path.GetDirectoryName(path))
        {
            missing.Push(path);
        }

        foreach (var path in missing)
        {
            System.IO.Directory.CreateDirectory(path, FolderMode);
        }

        try
        {
            // A subfolder written by an earlier version may be open to others; it holds nothing but entries.
            if ((File.GetUnixFileMode(folder) & GroupAndOthers) != 0)
            {
                File.SetUnixFileMode(folder, FolderMode);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another user's folder in a shared cache: leave it as it is.
        }
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
