namespace SecureReqs;

/// <summary>One data file listed in a dataset manifest.</summary>
/// <param name="Path">The path relative to the dataset folder.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, lowercase hex.</param>
/// <param name="Rows">The number of non-blank lines.</param>
public sealed record DatasetFile(string Path, string Sha256, int Rows)
{
    /// <summary>The kind of rows used for a file of cases.</summary>
    public const string CasesKind = "cases";

    /// <summary>The kind of rows used for a file of knowledge-base documents (poisoned documents a story adds).</summary>
    public const string DocumentsKind = "documents";

    /// <summary>The kind of rows used for a file of judge calibration items (answers with a person's verdict; see docs/judges.md).</summary>
    public const string CalibrationKind = "calibration";

    /// <summary>The kind of rows used for a file of labelled tool descriptions (poisoned and clean; see docs/agents.md).</summary>
    public const string ToolDescriptionsKind = "tool-descriptions";

    /// <summary>What the rows are: <see cref="CasesKind"/>, <see cref="DocumentsKind"/>, <see cref="CalibrationKind"/> or <see cref="ToolDescriptionsKind"/>.</summary>
    public string Kind { get; init; } = CasesKind;
}
