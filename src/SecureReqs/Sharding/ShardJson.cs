using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureReqs;

/// <summary>Reads the parts of a shard's state, with one kind of error for anything missing or of the wrong type.</summary>
public static class ShardJson
{
    /// <summary>The node as an object.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">What it should be, for the message.</param>
    /// <returns>The object.</returns>
    /// <exception cref="SecureReqsException">It is not an object.</exception>
    public static JsonObject Object(JsonNode? node, string what) => node as JsonObject ?? throw Damaged($"a {what} is not a JSON object");

    /// <summary>A required whole number.</summary>
    /// <param name="o">The object.</param>
    /// <param name="name">The property.</param>
    /// <returns>The number.</returns>
    /// <exception cref="SecureReqsException">Missing or not a whole number.</exception>
    public static int Int(JsonObject o, string name) => (int)Long(o, name);

    /// <summary>A required whole number.</summary>
    /// <param name="o">The object.</param>
    /// <param name="name">The property.</param>
    /// <returns>The number.</returns>
    /// <exception cref="SecureReqsException">Missing or not a whole number.</exception>
    public static long Long(JsonObject o, string name) =>
        o[name] is JsonValue v && (v.TryGetValue<long>(out var value) || (v.TryGetValue<int>(out var small) && (value = small) == small))
            ? value
            : throw Damaged($"\"{name}\" is missing or not a whole number");

    /// <summary>A required text.</summary>
    /// <param name="o">The object.</param>
    /// <param name="name">The property.</param>
    /// <returns>The text.</returns>
    /// <exception cref="SecureReqsException">Missing or not text.</exception>
    public static string Text(JsonObject o, string name) => OptionalText(o, name) ?? throw Damaged($"\"{name}\" is missing");

    /// <summary>An optional text.</summary>
    /// <param name="o">The object.</param>
    /// <param name="name">The property.</param>
    /// <returns>The text, or null.</returns>
    /// <exception cref="SecureReqsException">Present but not text.</exception>
    public static string? OptionalText(JsonObject o, string name) => o[name] is null ? null : String(o[name]);

    /// <summary>A text value.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The text.</returns>
    /// <exception cref="SecureReqsException">Not text.</exception>
    public static string String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Damaged("a value is not text");

    /// <summary>A required enumeration value, by name.</summary>
    /// <typeparam name="T">The enumeration.</typeparam>
    /// <param name="o">The object.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SecureReqsException">Missing or unknown.</exception>
    public static T Enum<T>(JsonObject o, string name)
        where T : struct, Enum =>
        System.Enum.TryParse<T>(Text(o, name), ignoreCase: false, out var value) && System.Enum.IsDefined(value) ? value : throw Damaged($"\"{name}\" is not a {typeof(T).Name}");

    /// <summary>A required array, read item by item.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="o">The object.</param>
    /// <param name="name">The property.</param>
    /// <param name="read">Reads one item.</param>
    /// <returns>The items.</returns>
    /// <exception cref="SecureReqsException">Missing or not an array.</exception>
    public static IReadOnlyList<T> List<T>(JsonObject o, string name, Func<JsonNode?, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return o[name] is JsonArray array ? [.. array.Select(read)] : throw Damaged($"\"{name}\" is missing or not a list");
    }

    /// <summary>Whole numbers packed as little-endian 8-byte values in base64 (a run's latencies).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The text.</returns>
    public static string Pack(IReadOnlyList<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[values.Count * sizeof(long)];
        for (var i = 0; i < values.Count; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(long)), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Reads values written by <see cref="Pack"/>.</summary>
    /// <param name="o">The object.</param>
    /// <param name="name">The property.</param>
    /// <returns>The values.</returns>
    /// <exception cref="SecureReqsException">Missing or not packed values.</exception>
    public static IReadOnlyList<long> Unpack(JsonObject o, string name)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Text(o, name));
        }
        catch (FormatException)
        {
            throw Damaged($"\"{name}\" is not base64");
        }

        if (bytes.Length % sizeof(long) != 0)
        {
            throw Damaged($"\"{name}\" does not hold whole 8-byte values");
        }

        var values = new long[bytes.Length / sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BitConverter.ToInt64(bytes, i * sizeof(long));
        }

        return values;
    }

    /// <summary>The error for a shard state that does not read.</summary>
    /// <param name="what">What is wrong.</param>
    /// <returns>The exception.</returns>
    public static SecureReqsException Damaged(string what) =>
        new($"the shard's state is damaged or was written by another version of securereqs: {what}. Run the shard again with this version.");
}
