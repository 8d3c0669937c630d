namespace SecureReqs;

/// <summary>The assessment of one input of a file scanned by <see cref="InjectionFileScanner"/>.</summary>
/// <param name="Line">The 1-based line number of the input.</param>
/// <param name="Assessment">What the detector concluded.</param>
public sealed record InjectionFileResult(long Line, InjectionAssessment Assessment);
