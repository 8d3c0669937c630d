namespace SecureReqs;

/// <summary>One record of a data file, as <see cref="DataFile"/> reads it.</summary>
/// <param name="Line">The 1-based line of the record in the file.</param>
/// <param name="Values">Every value of the record, with its field and classification.</param>
/// <param name="Label">The record's own classification label (declared spelling), or null.</param>
public sealed record DataRecord(long Line, IReadOnlyList<DataValue> Values, string? Label)
{
    /// <summary>The text of a field (the first value at that path), or null when the record has none.</summary>
    /// <param name="field">The field's dotted path.</param>
    /// <returns>The text, or null.</returns>
    public string? ValueOf(string field) => Values.FirstOrDefault(v => v.Path == field)?.Text;
}
