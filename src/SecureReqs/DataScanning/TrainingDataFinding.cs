namespace SecureReqs;

/// <summary>One finding of <see cref="TrainingDatasetScanner"/>: where it is, what it is, and masked evidence.</summary>
/// <param name="File">The file, as it was given.</param>
/// <param name="Line">The 1-based line of the record.</param>
/// <param name="JsonPath">The JSON path of the value in the record, such as <c>$.messages[1].content</c>.</param>
/// <param name="Kind">What was found.</param>
/// <param name="Description">What was found, in words, such as <c>e-mail address</c>.</param>
/// <param name="Evidence">An excerpt of the value around the finding with every PII value masked by <see cref="EvidenceMasker"/>; empty when there is no value to show.</param>
/// <remarks>Security contract: no member holds a raw PII value, so findings may be logged and reported.</remarks>
public sealed record TrainingDataFinding(string File, long Line, string JsonPath, TrainingDataFindingKind Kind, string Description, string Evidence)
{
    /// <summary>The finding as one line: <c>file:line $.path: what (masked evidence)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{File}:{Line} {JsonPath}: {Description}{(Evidence.Length > 0 ? $" ({Evidence})" : "")}";
}
