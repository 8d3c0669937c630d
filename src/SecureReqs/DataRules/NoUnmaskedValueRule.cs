namespace SecureReqs;

/// <summary>
/// "no record labelled &lt;level&gt; holds an unmasked value": no value classified at or above the level (by its field,
/// or by its record's label) holds personal data or a secret that <see cref="PiiScanner"/> finds; masked forms such as
/// <c>[email]</c>, <c>***-**-1234</c> or tokens are fine.
/// </summary>
/// <remarks>The scanner's limits apply: names and free-text addresses are not found.</remarks>
public sealed class NoUnmaskedValueRule : DataRuleCheck
{
    private const int EvidenceLength = 60;
    private readonly int _rank;

    /// <summary>Creates the rule.</summary>
    /// <param name="file">The data file.</param>
    /// <param name="level">The lowest level whose values must be masked.</param>
    /// <exception cref="SecureReqsException">The level is not declared.</exception>
    public NoUnmaskedValueRule(DataFile file, string level)
        : base(file)
    {
        ArgumentNullException.ThrowIfNull(level);
        _rank = file.Schema.Levels.Rank(level);
        Level = file.Schema.Levels.Levels[_rank];
    }

    /// <summary>The lowest level whose values must be masked.</summary>
    public string Level { get; }

    /// <inheritdoc/>
    public override string Rule => $"no record labelled {Level} holds an unmasked value";

    /// <inheritdoc/>
    protected override string Counted => $"records with unmasked {Level} values";

    /// <inheritdoc/>
    protected override IEnumerable<DataRuleFinding> Check(DataRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var value in record.Values.Where(v => File.Schema.Levels.Rank(v.Level) >= _rank))
        {
            foreach (var pii in PiiScanner.Default.Scan(value.Text))
            {
                var masked = EvidenceMasker.Mask(value.Text, []);
                var shown = masked.Length <= EvidenceLength ? masked : masked[..(EvidenceLength - 1)] + "…";
                yield return Finding(record, value.Path, $"unmasked {pii.Type.DisplayName} in a {value.Level} value", shown);
            }
        }
    }
}
