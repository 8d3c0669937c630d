using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureReqs;

/// <summary>Reads a <c>results.json</c> back, checking it against schema <c>securereqs.results/v2</c>.</summary>
/// <remarks>Thread-safe.</remarks>
public static class ResultsJsonReader
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The results.</returns>
    /// <exception cref="SecureReqsException">The file is missing, is not JSON, or does not follow the schema; the message names
    /// the file, the line and column, and the fix.</exception>
    public static ResultsFile Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecureReqsException($"{path}: cannot read the results file: {ex.Message} Pass the results.json that 'securereqs run' wrote into its report folder.", ex);
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads and checks results from UTF-8 JSON.</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="path">The file's name, for messages.</param>
    /// <returns>The results.</returns>
    /// <exception cref="SecureReqsException">The JSON is malformed or does not follow the schema.</exception>
    public static ResultsFile Parse(ReadOnlySpan<byte> utf8, string path)
    {
        var bytes = utf8.ToArray();

        // The schema first: a file of another version gets "re-run", not a list of fields it lacks.
        if (SchemaOf(bytes) is { } schema && schema != ResultsJsonWriter.Schema)
        {
            throw Invalid(bytes, path, "$.schema", schema == "securereqs.results/v1"
                ? $"the file was written by an earlier version of securereqs (schema \"{schema}\"), which did not record whether the run was complete; this version reads \"{ResultsJsonWriter.Schema}\". Re-run the stories with this version to get a file it can gate"
                : $"the schema is \"{schema}\", but this version reads \"{ResultsJsonWriter.Schema}\". Re-run the stories with this version of securereqs to get a file it can read");
        }

        ResultsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ResultsFile>(bytes, _options);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            var where = ex.Path is { Length: > 1 } p ? $" (at {p})" : "";
            throw new SecureReqsException($"{path}:{line}:{column}: {Describe(ex)}{where}. The file must be a results.json written by 'securereqs run' (schema {ResultsJsonWriter.Schema}, see docs/results-schema.md).", ex);
        }

        if (file is null)
        {
            throw new SecureReqsException($"{path}:1:1: the file holds null instead of a results object. Pass the results.json that 'securereqs run' wrote.");
        }

        if (file.Schema != ResultsJsonWriter.Schema)
        {
            throw Invalid(bytes, path, "$.schema", $"the schema is \"{file.Schema}\", but this version reads \"{ResultsJsonWriter.Schema}\". Re-run the stories with this version of securereqs to get a file it can read");
        }

        for (var s = 0; s < file.Stories.Count; s++)
        {
            var requirements = file.Stories[s].Requirements;
            for (var r = 0; r < requirements.Count; r++)
            {
                var requirement = requirements[r];
                var at = $"$.stories[{s}].requirements[{r}]";
                if (requirement.Total < 0 || requirement.Count < 0 || requirement.Count > requirement.Total)
                {
                    throw Invalid(bytes, path, at + ".count", $"count {requirement.Count} and total {requirement.Total} do not make a rate: count must be between 0 and total");
                }

                if (requirement.Confidence is { } confidence && confidence is <= 0 or >= 1)
                {
                    throw Invalid(bytes, path, at + ".confidence", $"the confidence {confidence.ToString(CultureInfo.InvariantCulture)} is not a fraction between 0 and 1");
                }
            }
        }

        return file with { Path = path };
    }

    private static string? SchemaOf(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("schema", out var schema)
                && schema.ValueKind == JsonValueKind.String
                ? schema.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SecureReqsException Invalid(byte[] bytes, string path, string jsonPath, string problem)
    {
        var (line, column) = JsonLocator.Find(bytes, jsonPath);
        return new SecureReqsException($"{path}:{line}:{column}: {problem} (at {jsonPath}).");
    }

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; the message says where in its own words.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd('.', ' ');
    }
}
