namespace SecureReqs;

/// <summary>How a run's attacks were expanded with mutators, and whether the cap cut the expansion.</summary>
/// <param name="Chains">The mutation chains, by name (<c>base64</c>, <c>homoglyphs+base64</c>).</param>
/// <param name="Planned">How many mutated copies the chains call for.</param>
/// <param name="Run">How many were run.</param>
/// <param name="Cap">The cap.</param>
public sealed record MutationExpansion(IReadOnlyList<string> Chains, int Planned, int Run, int Cap)
{
    /// <summary>Whether the cap cut the expansion.</summary>
    public bool Capped => Run < Planned;

    /// <summary>A sentence for reports.</summary>
    /// <returns>The sentence.</returns>
    public string Describe() => Capped
        ? $"Mutations ({string.Join(", ", Chains)}) were capped: {Run} of {Planned} mutated cases ran (a seeded sample; the cap is {Cap})."
        : $"Mutations ({string.Join(", ", Chains)}): {Run} mutated cases ran.";
}
