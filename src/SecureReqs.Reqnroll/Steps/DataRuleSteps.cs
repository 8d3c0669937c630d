using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>The data-rule step vocabulary (classification, retention and provenance rules over JSON Lines and CSV data
/// files): thin bindings over <see cref="DataRulesDriver"/>.</summary>
/// <remarks>Each step's XML summary and <see cref="StepExampleAttribute"/> are its documentation: <c>securereqs steps</c>
/// prints them and <c>docs/steps.md</c> is generated from them. See <c>docs/data-rules.md</c>.</remarks>
[Binding]
public sealed class DataRuleSteps(StoryContext story)
{
    private DataRulesDriver Driver => story.DataRules;

    /// <summary>
    /// The team's classification levels, least sensitive first: any number, any names. Without this step the levels are
    /// public, internal and confidential.
    /// </summary>
    /// <param name="levels">The levels, separated by commas or "and".</param>
    [StepExample("Given the classification levels are public, internal, confidential and restricted")]
    [Given(@"^the classification levels are (.+)$")]
    public void GivenTheClassificationLevels(string levels) => story.Declare(() => Driver.UseLevels(levels));

    /// <summary>
    /// A data file (a path relative to the repository root): JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>) or CSV (<c>.csv</c>,
    /// with a header line), and a table that classifies every field (<c>| field | classification |</c>; a JSON Lines field
    /// may be a dotted path such as <c>contact.email</c>, and an object field covers what is inside it). A field of the
    /// data that the table does not list is an error naming the file and line.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="fields">The field table.</param>
    [StepExample(@"Given the data file ""features/data/records/customer-profiles.jsonl"" with the fields:")]
    [Given(@"^the data file ""([^""]*)"" with the fields:$")]
    public void GivenTheDataFile(string path, Table fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        story.Declare(() =>
        {
            if (!fields.ContainsColumn("field") || !fields.ContainsColumn("classification"))
            {
                throw new SecureReqsException($"The field table needs the columns | field | classification |; it has | {string.Join(" | ", fields.Header)} |.");
            }

            Driver.UseDataFile(path, [.. fields.Rows.Select(r => new KeyValuePair<string, string>(r["field"], r["classification"]))]);
        });
    }

    /// <summary>The field that holds each record's date or timestamp (ISO 8601), for retention rules.</summary>
    /// <param name="field">The field.</param>
    [StepExample(@"Given each record's date is in the field ""updated_at""")]
    [Given(@"^each record's date is in the field ""([^""]*)""$")]
    public void GivenEachRecordsDateIsInTheField(string field) => story.Declare(() => Driver.UseTimestampField(field));

    /// <summary>The field that holds each record's source, for "every record comes from a vetted source".</summary>
    /// <param name="field">The field.</param>
    [StepExample(@"Given each record's source is in the field ""source""")]
    [Given(@"^each record's source is in the field ""([^""]*)""$")]
    public void GivenEachRecordsSourceIsInTheField(string field) => story.Declare(() => Driver.UseSourceField(field));

    /// <summary>
    /// The field that holds each record's own classification label (a declared level): every value of a record is
    /// classified at least at its record's label.
    /// </summary>
    /// <param name="field">The field.</param>
    [StepExample(@"Given each record's classification is in the field ""label""")]
    [Given(@"^each record's classification is in the field ""([^""]*)""$")]
    public void GivenEachRecordsClassificationIsInTheField(string field) => story.Declare(() => Driver.UseLabelField(field));

    /// <summary>The sources records may come from, quoted (compared ignoring case).</summary>
    /// <param name="sources">The sources.</param>
    [StepExample(@"Given the vetted sources are ""crm-export"" and ""support-tickets""")]
    [Given(@"^the vetted sources are (.+)$")]
    public void GivenTheVettedSources(string sources) => story.Declare(() => Driver.UseVettedSources(sources));

    /// <summary>
    /// The day retention is judged as of, for a snapshot judged at its export date; without this step, today (the run's
    /// clock).
    /// </summary>
    /// <param name="date">The date, <c>yyyy-MM-dd</c>.</param>
    [StepExample("Given the data is judged as of 2026-12-01")]
    [Given(@"^the data is judged as of (\S+)$")]
    public void GivenTheDataIsJudgedAsOf(string date) => story.Declare(() => Driver.UseAsOf(date));

    /// <summary>
    /// An absolute check: no value classified at or above the level (by its field, or by its record's label) holds
    /// personal data or a secret the PII scanner finds (payment cards, SSNs, IBANs, e-mail addresses, phone numbers, IP
    /// addresses, secrets, labelled dates of birth); masked forms and tokens are fine. Findings name file, line, field
    /// and rule, with the value masked.
    /// </summary>
    /// <param name="level">The lowest level whose values must be masked.</param>
    [StepExample("Then no record labelled confidential holds an unmasked value")]
    [Then(@"^no record labelled (.+) holds an unmasked value$")]
    public void ThenNoRecordLabelledHoldsAnUnmaskedValue(string level) => story.Declare(() => Driver.RequireNoUnmaskedValue(level));

    /// <summary>
    /// An absolute check (retention): every record's date is at most that many days before the day the data is judged
    /// (today, or the declared as-of date). A record without a date breaks it; a date that does not read is an error.
    /// </summary>
    /// <param name="days">The days.</param>
    [StepExample("Then no record is older than 365 days")]
    [Then(@"^no record is older than (\d+) days?$")]
    public void ThenNoRecordIsOlderThan(string days) => story.Declare(() => Driver.RequireRetention(days));

    /// <summary>An absolute check (provenance): every record's source is one of the vetted sources; a record without a source breaks it.</summary>
    [StepExample("Then every record comes from a vetted source")]
    [Then(@"^every record comes from a vetted source$")]
    public void ThenEveryRecordComesFromAVettedSource() => story.Declare(Driver.RequireVettedSource);
}
