namespace SecureReqs;

/// <summary>The exposure of one canary (see <see cref="CanaryExposure"/>).</summary>
/// <param name="Recovered">How many of the secret's digits the answers hold at one alignment.</param>
/// <param name="Digits">How many digits the secret has.</param>
/// <param name="Rank">The secret's rank among the candidates, 1 (first) to <paramref name="Candidates"/> (last).</param>
/// <param name="Candidates">How many candidates, the secret included.</param>
/// <param name="Bits">The exposure in bits, 0 to log2 of the candidates.</param>
public sealed record CanaryExposureResult(int Recovered, int Digits, int Rank, int Candidates, double Bits)
{
    /// <summary>The share of the secret's digits the answers hold, 0 to 1.</summary>
    public double RecoveredShare => Digits == 0 ? 0 : (double)Recovered / Digits;

    /// <summary>The most bits any canary can show with this many candidates.</summary>
    public double MaxBits => Math.Log2(Candidates);

    /// <inheritdoc />
    public override string ToString() => $"{CanaryExposure.Bits(Bits)} of {CanaryExposure.Bits(MaxBits)}, {Recovered} of {Digits} digits recovered, rank {Rank} of {Candidates}";
}
