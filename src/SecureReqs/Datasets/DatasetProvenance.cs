namespace SecureReqs;

/// <summary>Where a dataset came from.</summary>
/// <param name="Authors">Who wrote it.</param>
/// <param name="Created">When, ISO 8601 date.</param>
/// <param name="Method">How the cases were written or generated.</param>
/// <param name="Sources">Papers or public projects whose facts informed it.</param>
public sealed record DatasetProvenance(string Authors, string Created, string Method, IReadOnlyList<string> Sources);
