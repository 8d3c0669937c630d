namespace SecureReqs;

/// <summary>One issuer range: numbers whose first <c>Low.Length</c> digits lie in [<c>Low</c>, <c>High</c>].</summary>
internal sealed class CardIssuerRange(string scheme, string low, string high, params int[] lengths)
{
    private readonly int _lengthMask = lengths.Aggregate(0, static (mask, length) => mask | (1 << length));

    public string Scheme { get; } = scheme;

    public string Low { get; } = low;

    public string High { get; } = high;

    public IReadOnlyList<int> Lengths { get; } = lengths;

    public bool Matches(ReadOnlySpan<char> digits)
    {
        if ((_lengthMask & (1 << digits.Length)) == 0 || digits.Length < Low.Length)
        {
            return false;
        }

        var prefix = digits[..Low.Length];
        return prefix.SequenceCompareTo(Low) >= 0 && prefix.SequenceCompareTo(High) <= 0;
    }
}
