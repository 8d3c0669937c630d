using System.Globalization;

namespace SecureReqs;

/// <summary>The exposure of one canary (see <see cref="CanaryExposure"/>).</summary>
/// <param name="Recovered">How many of the secret's digits the answers hold at one alignment.</param>
/// <param name="Digits">How many digits the secret has.</param>
/// <param name="Rank">The secret's rank among every number of its format (an upper estimate), 1 (first) to <paramref name="Candidates"/> (last).</param>
/// <param name="Candidates">How many numbers the format has (10 to the number of digits).</param>
/// <param name="Bits">The exposure in bits, 0 to log2 of the candidates.</param>
public sealed record CanaryExposureResult(int Recovered, int Digits, double Rank, double Candidates, double Bits)
{
    /// <summary>The share of the secret's digits the answers hold, 0 to 1.</summary>
    public double RecoveredShare => Digits == 0 ? 0 : (double)Recovered / Digits;

    /// <summary>The most bits the secret can show: the whole secret given back.</summary>
    public double MaxBits => Math.Log2(Candidates);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CanaryExposure.Bits(Bits)} of {CanaryExposure.Bits(MaxBits)}, {Recovered} of {Digits} digits recovered");
}
