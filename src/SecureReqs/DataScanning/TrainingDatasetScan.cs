namespace SecureReqs;

/// <summary>The result of scanning one training data file with <see cref="TrainingDatasetScanner"/>.</summary>
/// <param name="File">The file, as it was given.</param>
/// <param name="Records">How many records (non-blank lines) the file holds.</param>
/// <param name="Findings">Every finding, in file order.</param>
public sealed record TrainingDatasetScan(string File, long Records, IReadOnlyList<TrainingDataFinding> Findings)
{
    /// <summary>The findings of one kind, in file order.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The findings.</returns>
    public IReadOnlyList<TrainingDataFinding> Of(TrainingDataFindingKind kind) => [.. Findings.Where(f => f.Kind == kind)];

    /// <summary>How many records have at least one finding of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The number of records.</returns>
    public int RecordsWith(TrainingDataFindingKind kind) => Findings.Where(f => f.Kind == kind).Select(f => f.Line).Distinct().Count();
}
