using F23.StringSimilarity;

namespace SecureReqs;

/// <summary>"Did you mean …": the known names nearest to a misspelled one.</summary>
/// <remarks>Thread-safe. Distances are optimal string alignment (Damerau–Levenshtein with adjacent transpositions),
/// compared case-insensitively, so "redaction rat", "redction rate" and "Redaction Rate" all find "redaction rate".</remarks>
public static class Suggestions
{
    private static readonly OptimalStringAlignment Distance = new();

    /// <summary>The known names nearest to <paramref name="name"/>, best first.</summary>
    /// <param name="name">What the user wrote.</param>
    /// <param name="known">The names that exist.</param>
    /// <param name="max">At most this many.</param>
    /// <returns>The names within a third of their length in edits (at least two edits), or that contain or start
    /// the written name; empty when nothing is close.</returns>
    public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> known, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        var written = name.Trim().ToLowerInvariant();
        if (written.Length == 0)
        {
            return [];
        }

        return [.. known
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Name: k, Distance: Score(written, k.ToLowerInvariant())))
            .Where(k => k.Distance is not null)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(k => k.Name)];
    }

    /// <summary>The sentence " Did you mean "a" or "b"?" for a message, or empty when nothing is close.</summary>
    /// <param name="name">What the user wrote.</param>
    /// <param name="known">The names that exist.</param>
    /// <returns>The sentence with a leading space, or empty.</returns>
    public static string DidYouMean(string name, IEnumerable<string> known)
    {
        var nearest = Nearest(name, known);
        return nearest.Count == 0 ? "" : $" Did you mean {string.Join(" or ", nearest.Select(n => $"\"{n}\""))}?";
    }

    private static double? Score(string written, string known)
    {
        var distance = Distance.Distance(written, known);
        var allowed = Math.Max(2, Math.Min(written.Length, known.Length) / 3);
        if (distance <= allowed)
        {
            return distance;
        }

        // A shortened or extended name ("redaction", "the redaction rate value") is still a good hint.
        return known.Contains(written, StringComparison.Ordinal) || written.Contains(known, StringComparison.Ordinal) ? allowed + 1 + Math.Abs(known.Length - written.Length) / 100.0 : null;
    }
}
