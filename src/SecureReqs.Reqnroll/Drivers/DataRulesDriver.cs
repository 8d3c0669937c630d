using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureReqs.Reqnroll;

/// <summary>
/// The driver behind the data-rule steps: it gathers what a story declares about a data file (classification levels,
/// field classifications, the date, source and label fields, the vetted sources, the day the data is judged as of) and
/// declares the rules on the story's <see cref="SecurityStory"/>.
/// </summary>
/// <remarks>One instance per scenario; not thread-safe. A rule is built from what was declared before it.</remarks>
public sealed partial class DataRulesDriver
{
    private readonly SecureReqsSettings _settings;
    private readonly SecurityStory _story;
    private readonly DataStoryDriver _data;
    private ClassificationLevels _levels = ClassificationLevels.Default;
    private (string Written, string Full, IReadOnlyList<KeyValuePair<string, string>> Fields)? _file;
    private string? _timestampField;
    private string? _sourceField;
    private string? _labelField;
    private IReadOnlyList<string> _vettedSources = [];
    private DateTimeOffset? _asOf;

    /// <summary>Creates the driver for one story.</summary>
    /// <param name="settings">The settings (repository root, clock).</param>
    /// <param name="story">The story it declares on.</param>
    /// <param name="data">The data driver, which resolves paths.</param>
    public DataRulesDriver(SecureReqsSettings settings, SecurityStory story, DataStoryDriver data)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _story = story ?? throw new ArgumentNullException(nameof(story));
        _data = data ?? throw new ArgumentNullException(nameof(data));
    }

    /// <summary>Declares the classification levels, least sensitive first, as a story writes them.</summary>
    /// <param name="levels">Such as <c>public, internal, confidential and restricted</c>.</param>
    /// <exception cref="SecureReqsException">No level, or one named twice.</exception>
    public void UseLevels(string levels) => _levels = new ClassificationLevels(List(levels));

    /// <summary>Chooses the data file and classifies its fields.</summary>
    /// <param name="path">The file, relative to the repository root (<c>.jsonl</c>, <c>.ndjson</c> or <c>.csv</c>).</param>
    /// <param name="fields">Each field and its classification level.</param>
    /// <exception cref="SecureReqsException">The path does not resolve, or the format is not one of those.</exception>
    public void UseDataFile(string path, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(fields);
        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new SecureReqsException($"The data file \"{path}\" must be JSON Lines (.jsonl, .ndjson) or CSV (.csv): the format is read from the extension.");
        }

        _file = (path, _data.ResolveFromRepositoryRoot(path, "data file"), fields);
    }

    /// <summary>Declares the field that holds each record's date.</summary>
    /// <param name="field">The field.</param>
    public void UseTimestampField(string field) => _timestampField = Field(field);

    /// <summary>Declares the field that holds each record's source.</summary>
    /// <param name="field">The field.</param>
    public void UseSourceField(string field) => _sourceField = Field(field);

    /// <summary>Declares the field that holds each record's classification label.</summary>
    /// <param name="field">The field.</param>
    public void UseLabelField(string field) => _labelField = Field(field);

    /// <summary>Declares the vetted sources, as a story writes them (quoted, separated by commas or "and").</summary>
    /// <param name="sources">Such as <c>"crm-export" and "support-tickets"</c>.</param>
    /// <exception cref="SecureReqsException">No quoted source.</exception>
    public void UseVettedSources(string sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var quoted = Quoted().Matches(sources).Select(m => m.Groups[1].Value.Trim()).Where(s => s.Length > 0).ToList();
        _vettedSources = quoted.Count > 0
            ? quoted
            : throw new SecureReqsException($"No vetted source found in \"{sources}\": quote each source, such as: the vetted sources are \"crm-export\" and \"support-tickets\".");
    }

    /// <summary>Declares the day the data is judged as of (a snapshot's export date); without it, today.</summary>
    /// <param name="date">The date, <c>yyyy-MM-dd</c>.</param>
    /// <exception cref="SecureReqsException">Not a date.</exception>
    public void UseAsOf(string date) =>
        _asOf = DateTimeOffset.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
            ? day
            : throw new SecureReqsException($"\"{date}\" is not a date: write it as 2026-12-01.");

    /// <summary>Declares "no record labelled &lt;level&gt; holds an unmasked value".</summary>
    /// <param name="level">The level.</param>
    public void RequireNoUnmaskedValue(string level) => _story.Require(new NoUnmaskedValueRule(File(), level));

    /// <summary>Declares "no record is older than &lt;n&gt; days".</summary>
    /// <param name="days">The days as written.</param>
    public void RequireRetention(string days) =>
        _story.Require(new RetentionRule(
            File(),
            int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : throw new SecureReqsException($"\"{days}\" is not a whole number of days."),
            _asOf,
            _settings.RunOptions.TimeProvider));

    /// <summary>Declares "every record comes from a vetted source".</summary>
    public void RequireVettedSource() => _story.Require(new VettedSourceRule(File()));

    private DataFile File()
    {
        var (written, full, fields) = _file ?? throw new SecureReqsException("No data file chosen: add a step 'Given the data file \"<file>\" with the fields:' and its field table before this one.");
        var schema = new DataFileSchema(_levels, fields)
        {
            TimestampField = Declared(_timestampField, "date", fields),
            SourceField = Declared(_sourceField, "source", fields),
            LabelField = Declared(_labelField, "classification", fields),
            VettedSources = _vettedSources,
        };
        return new DataFile(written, full, schema);
    }

    private static string? Declared(string? field, string what, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        field is null || fields.Any(f => f.Key.Trim() == field)
            ? field
            : throw new SecureReqsException($"Each record's {what} is said to be in the field \"{field}\", but the field table does not list it: add a row | {field} | <level> |.");

    private static string Field(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Trim() is { Length: > 0 } trimmed ? trimmed : throw new SecureReqsException("The field name is empty: write the field's name in quotes.");
    }

    private static IEnumerable<string> List(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ListSeparator().Split(text).Select(s => s.Trim().Trim('"', '\'').Trim()).Where(s => s.Length > 0);
    }

    [GeneratedRegex(@"""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@",|\band\b", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
