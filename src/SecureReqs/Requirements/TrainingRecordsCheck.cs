using System.Globalization;
using System.Text;

namespace SecureReqs;

/// <summary>"no record contains unmasked PII", "no record contains an instruction-injection payload", "every record has
/// provenance": an absolute check over every record of a training dataset.</summary>
/// <param name="dataset">The training dataset.</param>
/// <param name="kind">What a record must not have.</param>
public sealed class TrainingRecordsCheck(TrainingDataset dataset, TrainingDataFindingKind kind) : StoryRequirement
{
    /// <summary>At most this many findings are listed in a message.</summary>
    public const int MaxListed = 10;

    /// <inheritdoc/>
    public override bool NeedsRun => false;

    /// <inheritdoc/>
    public override string Statement => kind switch
    {
        TrainingDataFindingKind.MissingProvenance => $"every record of {dataset.Written} has provenance",
        TrainingDataFindingKind.UnmaskedPii => $"no record of {dataset.Written} contains unmasked PII",
        _ => $"no record of {dataset.Written} contains an instruction-injection payload",
    };

    /// <inheritdoc/>
    public override async ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default)
    {
        var scan = await dataset.ScanAsync(cancellationToken).ConfigureAwait(false);
        var findings = scan.Of(kind);
        var records = scan.RecordsWith(kind);
        var (counted, expected) = kind switch
        {
            TrainingDataFindingKind.MissingProvenance => ("records without provenance", "have provenance"),
            TrainingDataFindingKind.UnmaskedPii => ("records with unmasked PII", "contain unmasked PII"),
            _ => ("records with an instruction-injection payload", "contain an instruction-injection payload"),
        };
        var message = findings.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(Statement[0])}{Statement[1..]}: holds for all {scan.Records} records.")
            : kind == TrainingDataFindingKind.MissingProvenance
                ? string.Create(CultureInfo.InvariantCulture, $"Expected every record of {dataset.Written} to have provenance (a \"provenance\" object with a non-empty \"source\"), but {records} of {scan.Records} records do not:{List(findings.Select(f => f.ToString()), findings.Count)}")
                : string.Create(CultureInfo.InvariantCulture, $"Expected no record of {dataset.Written} to {expected}, but {records} of {scan.Records} records do ({findings.Count} finding{(findings.Count == 1 ? "" : "s")}):{List(findings.Select(f => f.ToString()), findings.Count)}");
        return RequirementResult.Absolute(Statement, counted, records, scan.Records, findings.Count == 0 ? Verdict.Pass : Verdict.Fail, message);
    }

    /// <summary>Lists lines under a message, at most <see cref="MaxListed"/>.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="total">How many there are in all.</param>
    /// <returns>The text.</returns>
    internal static string List(IEnumerable<string> lines, int total)
    {
        var text = new StringBuilder();
        foreach (var line in lines.Take(MaxListed))
        {
            text.Append("\n  ").Append(line);
        }

        return total > MaxListed ? text.Append(CultureInfo.InvariantCulture, $"\n  … and {total - MaxListed} more ({total} in all).").ToString() : text.ToString();
    }
}
