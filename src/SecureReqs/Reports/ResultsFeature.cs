namespace SecureReqs;

/// <summary>A feature file of a run, as the evidence pack records it.</summary>
/// <param name="File">The file, relative to the features folder, with <c>/</c> separators.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex.</param>
public sealed record ResultsFeature(string File, string Sha256);
