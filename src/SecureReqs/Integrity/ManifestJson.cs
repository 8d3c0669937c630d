using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureReqs;

/// <summary>Reads and writes signed manifests: the canonical form the signature covers, the file form, and a strict reader.</summary>
/// <remarks>Thread-safe. Every reading error names the manifest's file, line and column, and the fix.</remarks>
internal static class ManifestJson
{
    private const string Recreate = "Recreate the manifest with `securereqs manifest create` and the signing key; its signature covers every field, so it cannot be repaired by hand.";

    private static readonly string[] _topProperties = ["schema", "subject", "created", "provenance", "files", "signature"];
    private static readonly string[] _fileProperties = ["path", "sha256", "bytes"];
    private static readonly string[] _signatureProperties = ["algorithm", "keyId", "value"];

    /// <summary>
    /// The RFC 8785 canonical form of the manifest without its signature. Property names are fixed ASCII and already
    /// in sorted order; provenance keys are sorted by UTF-16 code units, as RFC 8785 requires.
    /// </summary>
    public static byte[] Canonical(SignedManifest manifest)
    {
        var json = new StringBuilder(256 + (manifest.Files.Count * 128));
        json.Append("{\"created\":");
        AppendString(json, manifest.Created.UtcDateTime.ToString(SignedManifest.CreatedFormat, CultureInfo.InvariantCulture));
        json.Append(",\"files\":[");
        for (var i = 0; i < manifest.Files.Count; i++)
        {
            var file = manifest.Files[i];
            json.Append(i == 0 ? "" : ",").Append("{\"bytes\":").Append(file.Bytes.ToString(CultureInfo.InvariantCulture)).Append(",\"path\":");
            AppendString(json, file.Path);
            json.Append(",\"sha256\":");
            AppendString(json, file.Sha256);
            json.Append('}');
        }

        json.Append("],\"provenance\":{");
        var first = true;
        foreach (var (key, value) in manifest.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.Append(first ? "" : ",");
            first = false;
            AppendString(json, key);
            json.Append(':');
            AppendString(json, value);
        }

        json.Append("},\"schema\":");
        AppendString(json, manifest.Schema);
        json.Append(",\"subject\":");
        AppendString(json, manifest.Subject);
        json.Append('}');
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(json.ToString());
    }

    /// <summary>The manifest as it is written to disk: indented for people, properties in reading order, with its signature.</summary>
    public static byte[] File(SignedManifest manifest)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", manifest.Schema);
            json.WriteString("subject", manifest.Subject);
            json.WriteString("created", manifest.Created.UtcDateTime.ToString(SignedManifest.CreatedFormat, CultureInfo.InvariantCulture));
            json.WriteStartObject("provenance");
            foreach (var (key, value) in manifest.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("files");
            foreach (var file in manifest.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("sha256", file.Sha256);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (manifest.Signature is { } signature)
            {
                json.WriteStartObject("signature");
                json.WriteString("algorithm", signature.Algorithm);
                json.WriteString("keyId", signature.KeyId);
                json.WriteString("value", signature.Value);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Reads a manifest file strictly: every field present and well-formed, no unknown property.</summary>
    /// <exception cref="ManifestFormatException">The file is not valid JSON, or a field is missing or malformed.</exception>
    public static SignedManifest Read(string path, byte[] utf8)
    {
        var bytes = utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = ColumnOf(bytes, line, (int)(ex.BytePositionInLine ?? 0));
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd(' ', '.', '|');
            throw new ManifestFormatException(path, line, column, $"the manifest is not valid JSON ({reason}). Fix the JSON at that place, or {Lower(Recreate)}", ex);
        }

        using (document)
        {
            var fields = new Fields(path, bytes);
            var root = document.RootElement;
            fields.Object(root, "$", "the manifest");
            fields.AllowOnly(root, "$", _topProperties);
            var schema = fields.String(root, "$", "schema");
            if (schema != SignedManifest.SchemaV1)
            {
                throw fields.Error("$.schema", $"unsupported schema \"{schema}\". This version reads \"{SignedManifest.SchemaV1}\"; use a matching securereqs version, or {Lower(Recreate)}");
            }

            var createdText = fields.String(root, "$", "created");
            if (!DateTimeOffset.TryParseExact(createdText, SignedManifest.CreatedFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created))
            {
                throw fields.Error("$.created", $"\"created\" is \"{createdText}\", not an ISO 8601 UTC time such as 2026-01-31T09:30:00Z. {Recreate}");
            }

            var provenanceElement = fields.Required(root, "$", "provenance", JsonValueKind.Object, "an object of string fields: source, authors, method");
            var provenance = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in provenanceElement.EnumerateObject())
            {
                provenance[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : throw fields.Error($"$.provenance.{property.Name}", $"provenance \"{property.Name}\" must be a string. {Recreate}");
            }

            foreach (var name in (ReadOnlySpan<string>)["source", "authors", "method"])
            {
                fields.String(provenanceElement, "$.provenance", name);
            }

            var files = new List<ManifestFileEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var file in fields.Required(root, "$", "files", JsonValueKind.Array, "an array of { path, sha256, bytes }").EnumerateArray())
            {
                var at = $"$.files[{index++}]";
                fields.Object(file, at, "a file entry");
                fields.AllowOnly(file, at, _fileProperties);
                var filePath = fields.String(file, at, "path");
                if (!IsRelativePath(filePath))
                {
                    throw fields.Error($"{at}.path", $"\"{filePath}\" is not a relative path with forward slashes inside the subject. {Recreate}");
                }

                if (!seen.Add(filePath))
                {
                    throw fields.Error($"{at}.path", $"\"{filePath}\" is listed twice. {Recreate}");
                }

                var sha = fields.String(file, at, "sha256");
                if (sha.Length != 64 || !sha.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
                {
                    throw fields.Error($"{at}.sha256", $"the sha256 of \"{filePath}\" must be 64 lowercase hex digits. {Recreate}");
                }

                var size = fields.Required(file, at, "bytes", JsonValueKind.Number, "the file's size, a whole number");
                if (!size.TryGetInt64(out var length) || length < 0)
                {
                    throw fields.Error($"{at}.bytes", $"the size of \"{filePath}\" must be a whole number of bytes. {Recreate}");
                }

                files.Add(new ManifestFileEntry(filePath, sha, length));
            }

            var signature = fields.Required(root, "$", "signature", JsonValueKind.Object, "an object with algorithm, keyId and value");
            fields.AllowOnly(signature, "$.signature", _signatureProperties);
            return new SignedManifest
            {
                Schema = schema,
                Subject = fields.String(root, "$", "subject"),
                Created = created,
                Provenance = provenance,
                Files = files,
                Signature = new ManifestSignature(
                    fields.String(signature, "$.signature", "algorithm"),
                    fields.String(signature, "$.signature", "keyId"),
                    fields.String(signature, "$.signature", "value")),
            };
        }
    }

    // RFC 8785 section 3.2.2.2: escape only the quote, the backslash and control characters (with the short forms where
    // they exist, lowercase \u00xx otherwise); everything else is written as itself. Lone surrogates are not valid text.
    internal static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        json.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        throw new SecureReqsException($"The text \"{value}\" holds an unpaired surrogate, which a signed manifest cannot represent. Rename the file.");
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }

    private static bool IsRelativePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment is { Length: > 0 } and not "." and not "..");

    private static string Lower(string sentence) => char.ToLowerInvariant(sentence[0]) + sentence[1..];

    private static int ColumnOf(byte[] utf8, int line, int bytePosition)
    {
        var start = 0;
        for (var seen = 1; seen < line && start < utf8.Length; start++)
        {
            if (utf8[start] == (byte)'\n')
            {
                seen++;
            }
        }

        return Encoding.UTF8.GetCharCount(utf8, start, Math.Clamp(bytePosition, 0, utf8.Length - start)) + 1;
    }

    /// <summary>Required fields with errors that name the file, line and column of the place at fault.</summary>
    private readonly struct Fields(string path, byte[] utf8)
    {
        public ManifestFormatException Error(string jsonPath, string problem)
        {
            var (line, column) = JsonLocator.Find(utf8, jsonPath);
            return new ManifestFormatException(path, line, column, problem);
        }

        public void Object(JsonElement element, string at, string what)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(at, $"{what} must be a JSON object, not {element.ValueKind.ToString().ToLowerInvariant()}. {Recreate}");
            }
        }

        public void AllowOnly(JsonElement element, string at, string[] allowed)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error($"{at}.{property.Name}", $"unknown property \"{property.Name}\" (allowed here: {string.Join(", ", allowed)}); the signature does not cover it. Remove it, or {Lower(Recreate)}");
                }
            }
        }

        public JsonElement Required(JsonElement element, string at, string name, JsonValueKind kind, string shape)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == kind)
            {
                return value;
            }

            var problem = value.ValueKind == JsonValueKind.Undefined
                ? $"the manifest is missing \"{name}\" ({shape}) at {at}"
                : $"\"{name}\" must be {shape}, not {value.ValueKind.ToString().ToLowerInvariant()}";
            throw Error(value.ValueKind == JsonValueKind.Undefined ? at : $"{at}.{name}", $"{problem}. {Recreate}");
        }

        public string String(JsonElement element, string at, string name)
        {
            var value = Required(element, at, name, JsonValueKind.String, "a non-empty string").GetString()!;
            return value.Length > 0 ? value : throw Error($"{at}.{name}", $"\"{name}\" is empty. {Recreate}");
        }
    }
}
