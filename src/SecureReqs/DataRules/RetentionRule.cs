using System.Globalization;

namespace SecureReqs;

/// <summary>
/// "no record is older than &lt;n&gt; days": every record's date (the schema's <see cref="DataFileSchema.TimestampField"/>,
/// ISO 8601, a date or a date and time) is at most <see cref="Days"/> days before the day the data is judged. A record
/// without a date breaks the rule (nothing shows it is recent enough); a date that does not read is an error.
/// </summary>
public sealed class RetentionRule : DataRuleCheck
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];
    private readonly DateTimeOffset? _asOf;
    private readonly TimeProvider _time;

    /// <summary>Creates the rule.</summary>
    /// <param name="file">The data file; its schema must declare the timestamp field.</param>
    /// <param name="days">The most days a record may be old.</param>
    /// <param name="asOf">The day the data is judged as of (an export's date), or null for today from <paramref name="time"/>.</param>
    /// <param name="time">The clock that says what today is.</param>
    /// <exception cref="SecureReqsException">No timestamp field declared, or days not positive.</exception>
    public RetentionRule(DataFile file, int days, DateTimeOffset? asOf, TimeProvider time)
        : base(file)
    {
        if (file.Schema.TimestampField is null)
        {
            throw new SecureReqsException($"The retention rule needs each record's date: add the step 'Given each record's date is in the field \"<field>\"' for {file.Written}.");
        }

        Days = days > 0 ? days : throw new SecureReqsException($"The retention period must be a positive number of days, not {days}.");
        _asOf = asOf;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The most days a record may be old.</summary>
    public int Days { get; }

    /// <inheritdoc/>
    public override string Rule => string.Create(CultureInfo.InvariantCulture, $"no record is older than {Days} days");

    /// <inheritdoc/>
    protected override string Counted => string.Create(CultureInfo.InvariantCulture, $"records older than {Days} days");

    /// <inheritdoc/>
    protected override IEnumerable<DataRuleFinding> Check(DataRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var field = File.Schema.TimestampField!;
        var asOf = (_asOf ?? _time.GetUtcNow()).UtcDateTime.Date;
        if (record.ValueOf(field) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return [Finding(record, field, "no date, so nothing shows it is within retention")];
        }

        var date = Parse(text, record.Line, field);
        var age = (asOf - date.UtcDateTime.Date).Days;
        return age > Days
            ? [Finding(record, field, string.Create(CultureInfo.InvariantCulture, $"dated {date.UtcDateTime:yyyy-MM-dd}, {age} days before {asOf:yyyy-MM-dd} (at most {Days} allowed)"))]
            : [];
    }

    private DateTimeOffset Parse(string text, long line, string field)
    {
        var trimmed = text.Trim();
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            && (trimmed.Length >= 10 && trimmed[4] == '-' && trimmed[7] == '-'))
        {
            return parsed;
        }

        if (DateTimeOffset.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out parsed))
        {
            return parsed;
        }

        throw new SecureReqsException(string.Create(CultureInfo.InvariantCulture, $"{File.Written}:{line}: the date in \"{field}\" does not read as an ISO 8601 date (\"{(trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…")}\"). Write it as 2026-11-30 or 2026-11-30T14:05:00Z, or declare the field that holds the record's date."));
    }
}
