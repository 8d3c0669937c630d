namespace SecureReqs;

/// <summary>A case kept in a <see cref="CaseSample"/>, with what it did.</summary>
/// <param name="Case">The case.</param>
/// <param name="What">What it did, one line per offence; empty when the sample was not told.</param>
public sealed record SampledCase(CaseResult Case, IReadOnlyList<string> What);
