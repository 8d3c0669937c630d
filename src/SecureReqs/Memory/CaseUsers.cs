namespace SecureReqs;

/// <summary>The user ids under which a case's synthetic users (<see cref="CaseTurn.User"/>) are run.</summary>
public static class CaseUsers
{
    /// <summary>The id of synthetic user <paramref name="name"/> of <paramref name="instance"/>: unique to the case (and
    /// its mutated copy), so that two cases never share a user, such as <c>mem-direct-001/a</c>.</summary>
    /// <param name="instance">The case.</param>
    /// <param name="name">The user's name in the case, such as <c>a</c>.</param>
    /// <returns>The id.</returns>
    public static string IdOf(CaseInstance instance, string name)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return $"{instance.RunId}/{name}";
    }

    /// <summary>The synthetic user of each user turn of <paramref name="instance"/>, in order (null for the case's caller);
    /// answer <c>i</c> of a case answers user turn <c>i</c>.</summary>
    /// <param name="instance">The case.</param>
    /// <returns>The user names.</returns>
    public static IReadOnlyList<string?> OfUserTurns(CaseInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var users = new List<string?>();
        string? current = null;
        foreach (var turn in instance.Turns.Where(t => t.IsUser))
        {
            current = turn.User ?? current;
            users.Add(current);
        }

        return users;
    }
}
