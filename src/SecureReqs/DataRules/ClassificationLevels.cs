namespace SecureReqs;

/// <summary>
/// The classification levels a team declares, ordered from the least to the most sensitive (such as public, internal,
/// confidential, restricted): any number of levels, any names. Data rules compare levels by their position here.
/// </summary>
/// <remarks>Immutable and thread-safe. Names are compared ignoring case.</remarks>
public sealed class ClassificationLevels
{
    /// <summary>Declares the levels.</summary>
    /// <param name="levels">The levels, least sensitive first.</param>
    /// <exception cref="SecureReqsException">No level, a blank level, or a level named twice.</exception>
    public ClassificationLevels(IEnumerable<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        List<string> list = [.. levels.Select(l => l?.Trim() ?? "")];
        if (list.Count == 0 || list.Any(l => l.Length == 0))
        {
            throw new SecureReqsException("The classification levels must name at least one level, least sensitive first, such as: public, internal, confidential and restricted.");
        }

        if (list.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new SecureReqsException($"The classification level \"{twice.Key}\" is declared twice: each level is named once, least sensitive first.");
        }

        Levels = list;
    }

    /// <summary>The levels SecureReqs assumes when a story declares none: public, internal, confidential (<see cref="Classification.Levels"/>).</summary>
    public static ClassificationLevels Default { get; } = new(Classification.Levels);

    /// <summary>The levels, least sensitive first.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>Whether <paramref name="level"/> is declared.</summary>
    /// <param name="level">The level.</param>
    /// <returns>True when declared.</returns>
    public bool IsKnown(string? level) => level is not null && IndexOf(level) >= 0;

    /// <summary>The level's rank (0 for the least sensitive).</summary>
    /// <param name="level">The level.</param>
    /// <returns>The rank.</returns>
    /// <exception cref="SecureReqsException">The level is not declared; the message lists the declared ones and the fix.</exception>
    public int Rank(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var index = IndexOf(level);
        return index >= 0
            ? index
            : throw SecureReqsException.Unknown("classification level", level.Trim(), Levels, "Use a declared level, or declare it with 'Given the classification levels are …' (least sensitive first).");
    }

    /// <summary>The declared spelling of a level.</summary>
    /// <param name="level">The level in any case.</param>
    /// <returns>The level as declared.</returns>
    /// <exception cref="SecureReqsException">The level is not declared.</exception>
    public string Canonical(string level) => Levels[Rank(level)];

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Levels);

    private int IndexOf(string level)
    {
        var trimmed = level.Trim();
        for (var i = 0; i < Levels.Count; i++)
        {
            if (string.Equals(Levels[i], trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
