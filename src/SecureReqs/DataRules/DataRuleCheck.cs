using System.Globalization;

namespace SecureReqs;

/// <summary>
/// An absolute data rule over every record of a <see cref="DataFile"/> ("no record labelled confidential holds an
/// unmasked value", "no record is older than 365 days", "every record comes from a vetted source"): one record that
/// breaks it fails the story, and the message lists the records by file, line, field and rule with masked evidence.
/// </summary>
/// <remarks>Immutable and thread-safe. A file that cannot be read is a <see cref="SecureReqsException"/>, never a pass.</remarks>
public abstract class DataRuleCheck : StoryRequirement
{
    /// <summary>Creates the rule over a file.</summary>
    /// <param name="file">The data file.</param>
    protected DataRuleCheck(DataFile file) => File = file ?? throw new ArgumentNullException(nameof(file));

    /// <summary>The data file.</summary>
    public DataFile File { get; }

    /// <summary>The rule as the story states it, without the file, such as <c>no record is older than 365 days</c>.</summary>
    public abstract string Rule { get; }

    /// <summary>What is counted, such as <c>records older than 365 days</c>.</summary>
    protected abstract string Counted { get; }

    /// <inheritdoc/>
    public override bool NeedsRun => false;

    /// <inheritdoc/>
    public override string Statement => $"{Rule} in {File.Written}";

    /// <summary>What a record does against the rule.</summary>
    /// <param name="record">The record.</param>
    /// <returns>One finding per offence; empty when the record keeps the rule.</returns>
    /// <exception cref="SecureReqsException">The record cannot be judged (an unreadable date).</exception>
    protected abstract IEnumerable<DataRuleFinding> Check(DataRecord record);

    /// <summary>A finding of this rule.</summary>
    /// <param name="record">The record.</param>
    /// <param name="field">The field.</param>
    /// <param name="description">What is wrong.</param>
    /// <param name="evidence">Masked evidence, or empty.</param>
    /// <returns>The finding.</returns>
    protected DataRuleFinding Finding(DataRecord record, string field, string description, string evidence = "") =>
        new(File.Written, record.Line, field, Rule, description, evidence);

    /// <inheritdoc/>
    public override async ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default)
    {
        var findings = new List<DataRuleFinding>();
        long records = 0;
        var offending = 0;
        await foreach (var record in File.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records++;
            var count = findings.Count;
            findings.AddRange(Check(record));
            offending += findings.Count > count ? 1 : 0;
        }

        var message = findings.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(Statement[0])}{Statement[1..]}: holds for all {records} records.")
            : string.Create(CultureInfo.InvariantCulture, $"Expected {Rule} in {File.Written}, but {offending} of {records} records break it ({findings.Count} finding{(findings.Count == 1 ? "" : "s")}):{TrainingRecordsCheck.List(findings.Select(f => f.ToString()), findings.Count)}");
        return RequirementResult.Absolute(Statement, Counted, offending, records, findings.Count == 0 ? Verdict.Pass : Verdict.Fail, message);
    }
}
