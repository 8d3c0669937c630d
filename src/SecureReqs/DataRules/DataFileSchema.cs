namespace SecureReqs;

/// <summary>
/// What a team declares about a data file (JSON Lines or CSV): the classification of every field, and the fields that
/// hold each record's date, source and classification label. Fields not declared here are an error when the file is read.
/// </summary>
/// <remarks>Immutable and thread-safe once built. Field names are compared exactly; a JSON Lines field may be a dotted
/// path (<c>provenance.source</c>), and a declared object field covers everything inside it.</remarks>
public sealed class DataFileSchema
{
    /// <summary>Declares the schema.</summary>
    /// <param name="levels">The classification levels.</param>
    /// <param name="fields">Each field and its classification level.</param>
    /// <exception cref="SecureReqsException">No field, a blank or repeated field, or an undeclared level.</exception>
    public DataFileSchema(ClassificationLevels levels, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(fields);
        Levels = levels;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, level) in fields)
        {
            var name = field?.Trim() ?? "";
            if (name.Length == 0)
            {
                throw new SecureReqsException("A field of the data file has no name: every row of the field table names a field and its classification.");
            }

            if (!levels.IsKnown(level))
            {
                throw new SecureReqsException($"The field \"{name}\" is classified \"{level}\", which is not a declared classification level ({levels}). Use one of them, or declare the level with 'Given the classification levels are …'.");
            }

            if (!map.TryAdd(name, levels.Canonical(level)))
            {
                throw new SecureReqsException($"The field \"{name}\" is classified twice: give each field one row.");
            }
        }

        if (map.Count == 0)
        {
            throw new SecureReqsException("The data file's field table is empty: give every field of the records a row with its classification (| field | classification |).");
        }

        Fields = map;
    }

    /// <summary>The classification levels.</summary>
    public ClassificationLevels Levels { get; }

    /// <summary>Each declared field and its level (as declared).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The field that holds each record's date or timestamp (ISO 8601), for retention rules; null when none is declared.</summary>
    public string? TimestampField { get; init; }

    /// <summary>The field that holds each record's source, for the vetted-source rule; null when none is declared.</summary>
    public string? SourceField { get; init; }

    /// <summary>The field that holds each record's own classification label, which raises every value of the record to
    /// at least that level; null when records carry no label.</summary>
    public string? LabelField { get; init; }

    /// <summary>The sources a record may come from (compared ignoring case).</summary>
    public IReadOnlyList<string> VettedSources { get; init; } = [];

    /// <summary>The declared field that classifies a value at <paramref name="path"/>: the field itself or the nearest object field around it.</summary>
    /// <param name="path">The value's dotted path.</param>
    /// <returns>The declared field, or null.</returns>
    public string? FieldOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var candidate = path; ; candidate = candidate[..candidate.LastIndexOf('.')])
        {
            if (Fields.ContainsKey(candidate))
            {
                return candidate;
            }

            if (!candidate.Contains('.', StringComparison.Ordinal))
            {
                return null;
            }
        }
    }

    /// <summary>Whether a declared field lies inside the object at <paramref name="path"/>.</summary>
    /// <param name="path">An object's dotted path.</param>
    /// <returns>True when some declared field starts with it.</returns>
    public bool HasFieldsInside(string path) => Fields.Keys.Any(f => f.StartsWith(path + ".", StringComparison.Ordinal));
}
