namespace SecureReqs;

/// <summary>Document classification labels, from least to most sensitive, and the clearance rule between them.</summary>
public static class Classification
{
    /// <summary>Anyone may see it.</summary>
    public const string Public = "public";

    /// <summary>Staff only.</summary>
    public const string Internal = "internal";

    /// <summary>Need-to-know.</summary>
    public const string Confidential = "confidential";

    /// <summary>Every label, least sensitive first.</summary>
    public static IReadOnlyList<string> Levels { get; } = [Public, Internal, Confidential];

    /// <summary>Whether <paramref name="label"/> is a known label.</summary>
    /// <param name="label">The label.</param>
    /// <returns>True when known.</returns>
    public static bool IsKnown(string? label) => label is not null && Levels.Contains(label, StringComparer.Ordinal);

    /// <summary>The label's rank (0 for public).</summary>
    /// <param name="label">The label.</param>
    /// <returns>The rank.</returns>
    /// <exception cref="SecureReqsException">The label is unknown; the message lists the known ones.</exception>
    public static int Rank(string label)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (string.Equals(Levels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw SecureReqsException.Unknown("classification", label, Levels);
    }

    /// <summary>Whether a document labelled <paramref name="label"/> is above <paramref name="clearance"/>.</summary>
    /// <param name="label">The document's label.</param>
    /// <param name="clearance">The caller's clearance.</param>
    /// <returns>True when the caller must not see it.</returns>
    public static bool IsAbove(string label, string clearance) => Rank(label) > Rank(clearance);
}
