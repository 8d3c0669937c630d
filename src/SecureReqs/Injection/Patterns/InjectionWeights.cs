using System.Globalization;
using System.Text.Json;

namespace SecureReqs;

/// <summary>
/// The weights of the pattern stage, read once from the embedded data file <c>InjectionWeights.json</c>: for every
/// signal family, each kind of evidence it reports with its weight in a user turn and in untrusted content.
/// </summary>
/// <remarks>
/// <para>The file is an object <c>{"schema": 1, "families": {"&lt;family&gt;": {"&lt;evidence&gt;": {"user": w, "untrusted": w}}}}</c>;
/// every weight is a number from 0 to 1 (a factor that scales other weights is written the same way). Validation is
/// complete at load: a malformed file, an unknown family, a weight outside [0, 1], a weight the code asks for that the
/// file lacks, and a weight in the file that no code reads, each throw a <see cref="DataFileException"/> naming the file,
/// the line and the fix.</para>
/// <para>Thread-safety: immutable after <see cref="InjectionFamilies.Create"/> has read it; shared by every scan.</para>
/// </remarks>
internal sealed class InjectionWeights
{
    /// <summary>The name of the embedded file, as errors name it.</summary>
    public const string EmbeddedFileName = "src/SecureReqs/Injection/Patterns/InjectionWeights.json";

    private const string ResourceName = "SecureReqs.Injection.InjectionWeights.json";

    private readonly Dictionary<string, FamilyWeights> _families;

    private InjectionWeights(string file, Dictionary<string, FamilyWeights> families)
    {
        File = file;
        _families = families;
    }

    /// <summary>The file the weights came from.</summary>
    public string File { get; }

    /// <summary>The families in the file.</summary>
    public IReadOnlyCollection<FamilyWeights> Families => _families.Values;

    /// <summary>The weights of one family.</summary>
    /// <param name="family">The family's name.</param>
    /// <returns>Its weights.</returns>
    /// <exception cref="DataFileException">The file has no section for the family.</exception>
    public FamilyWeights Family(string family) =>
        _families.TryGetValue(family, out var weights) ? weights.Requested()
        : throw new DataFileException($"{File}: the weights file has no family \"{family}\". Fix: add \"{family}\": {{ ... }} to \"families\" with the weights its patterns report.", File, 1);

    /// <summary>Reads the embedded weights file.</summary>
    /// <returns>The weights.</returns>
    public static InjectionWeights LoadEmbedded()
    {
        using var stream = typeof(InjectionWeights).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(InjectionWeights).Assembly.GetName().Name}; the build must embed {EmbeddedFileName}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(EmbeddedFileName, buffer.ToArray());
    }

    /// <summary>Parses a weights file.</summary>
    /// <param name="file">The file's name, for errors.</param>
    /// <param name="utf8">Its content.</param>
    /// <returns>The weights.</returns>
    /// <exception cref="DataFileException">The file is malformed; the message names the line and the fix.</exception>
    public static InjectionWeights Parse(string file, ReadOnlySpan<byte> utf8)
    {
        var lines = new LineCounter(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            var families = new Dictionary<string, FamilyWeights>(StringComparer.Ordinal);
            var schema = false;
            Expect(ref reader, JsonTokenType.StartObject, "the file must be one JSON object {\"schema\": 1, \"families\": {...}}");
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var property = reader.GetString()!;
                var line = lines.At(reader.TokenStartIndex);
                Next(ref reader);
                switch (property)
                {
                    case "schema":
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version != 1)
                        {
                            throw Error(file, line, "\"schema\" must be 1. Fix: write \"schema\": 1.");
                        }

                        schema = true;
                        break;
                    case "families":
                        ReadFamilies(ref reader, file, lines, families);
                        break;
                    case "$comment":
                        reader.Skip();
                        break;
                    default:
                        throw Error(file, line, $"unknown property \"{property}\". Fix: the file has only \"schema\", \"families\" and \"$comment\".");
                }
            }

            if (!schema || families.Count == 0)
            {
                throw Error(file, 1, "the file needs \"schema\": 1 and a non-empty \"families\" object.");
            }

            return new InjectionWeights(file, families);
        }
        catch (JsonException e)
        {
            throw new DataFileException($"{file}({(e.LineNumber ?? 0) + 1}): not valid JSON ({e.Message}). Fix: correct the JSON syntax at that line.", file, (e.LineNumber ?? 0) + 1, e);
        }
    }

    private static void ReadFamilies(ref Utf8JsonReader reader, string file, LineCounter lines, Dictionary<string, FamilyWeights> families)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(file, lines.At(reader.TokenStartIndex), "\"families\" must be an object of family names. Fix: write \"families\": {\"instruction-override\": {...}, ...}.");
        }

        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var familyLine = lines.At(reader.TokenStartIndex);
            if (families.ContainsKey(name))
            {
                throw Error(file, familyLine, $"the family \"{name}\" appears twice. Fix: merge its weights into one object.");
            }

            Next(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error(file, familyLine, $"the family \"{name}\" must be an object of weights. Fix: write \"{name}\": {{\"<evidence>\": {{\"user\": 0.5, \"untrusted\": 0.7}}}}.");
            }

            var weights = new Dictionary<string, (SignalWeight Weight, long Line)>(StringComparer.Ordinal);
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var line = lines.At(reader.TokenStartIndex);
                if (weights.ContainsKey(key))
                {
                    throw Error(file, line, $"the weight \"{key}\" of \"{name}\" appears twice. Fix: keep one.");
                }

                Next(ref reader);
                weights[key] = (ReadWeight(ref reader, file, line, name, key), line);
            }

            families[name] = new FamilyWeights(file, name, familyLine, weights);
        }
    }

    private static SignalWeight ReadWeight(ref Utf8JsonReader reader, string file, long line, string family, string key)
    {
        var fix = $"Fix: write \"{key}\": {{\"user\": <0 to 1>, \"untrusted\": <0 to 1>}}.";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(file, line, $"the weight \"{key}\" of \"{family}\" must be an object with \"user\" and \"untrusted\". {fix}");
        }

        double? user = null, untrusted = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var source = reader.GetString();
            Next(ref reader);
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || value is < 0 or > 1 || double.IsNaN(value))
            {
                throw Error(file, line, $"the weight \"{key}\" of \"{family}\" has \"{source}\" outside 0 to 1 or not a number. {fix}");
            }

            switch (source)
            {
                case "user":
                    user = value;
                    break;
                case "untrusted":
                    untrusted = value;
                    break;
                default:
                    throw Error(file, line, $"the weight \"{key}\" of \"{family}\" has an unknown source \"{source}\". {fix}");
            }
        }

        return user is { } u && untrusted is { } t ? new SignalWeight(u, t)
            : throw Error(file, line, $"the weight \"{key}\" of \"{family}\" needs both \"user\" and \"untrusted\". {fix}");
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The file ends before its last object is closed.", null, null, null);

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException(what, null, 0, null);
        }
    }

    private static DataFileException Error(string file, long line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}({line}): {message}"), file, line);

    /// <summary>Line numbers of byte offsets, read forward once.</summary>
    private sealed class LineCounter(ReadOnlySpan<byte> utf8)
    {
        private readonly byte[] _bytes = utf8.ToArray();
        private long _offset;
        private long _line = 1;

        public long At(long offset)
        {
            if (offset < _offset)
            {
                (_offset, _line) = (0, 1);
            }

            for (; _offset < offset && _offset < _bytes.Length; _offset++)
            {
                _line += _bytes[_offset] == (byte)'\n' ? 1 : 0;
            }

            return _line;
        }
    }
}
