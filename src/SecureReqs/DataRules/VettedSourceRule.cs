namespace SecureReqs;

/// <summary>
/// "every record comes from a vetted source": every record's source (the schema's <see cref="DataFileSchema.SourceField"/>)
/// is one of the declared <see cref="DataFileSchema.VettedSources"/>, compared ignoring case. A record without a source breaks it.
/// </summary>
public sealed class VettedSourceRule : DataRuleCheck
{
    private const int ShownLength = 60;

    /// <summary>Creates the rule.</summary>
    /// <param name="file">The data file; its schema must declare the source field and the vetted sources.</param>
    /// <exception cref="SecureReqsException">No source field or no vetted source declared.</exception>
    public VettedSourceRule(DataFile file)
        : base(file)
    {
        if (file.Schema.SourceField is null)
        {
            throw new SecureReqsException($"The vetted-source rule needs each record's source: add the step 'Given each record's source is in the field \"<field>\"' for {file.Written}.");
        }

        if (file.Schema.VettedSources.Count == 0)
        {
            throw new SecureReqsException("The vetted-source rule needs the list of vetted sources: add the step 'Given the vetted sources are \"<source>\" and \"<source>\"'.");
        }
    }

    /// <inheritdoc/>
    public override string Rule => "every record comes from a vetted source";

    /// <inheritdoc/>
    protected override string Counted => "records from an unvetted source";

    /// <inheritdoc/>
    protected override IEnumerable<DataRuleFinding> Check(DataRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var field = File.Schema.SourceField!;
        if (record.ValueOf(field) is not { } source || string.IsNullOrWhiteSpace(source))
        {
            return [Finding(record, field, "no source")];
        }

        if (File.Schema.VettedSources.Contains(source.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return [];
        }

        var masked = EvidenceMasker.Mask(source, []);
        return [Finding(record, field, $"source \"{(masked.Length <= ShownLength ? masked : masked[..ShownLength] + "…")}\" is not vetted (vetted: {string.Join(", ", File.Schema.VettedSources)})")];
    }
}
