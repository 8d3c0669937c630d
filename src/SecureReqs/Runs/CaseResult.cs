namespace SecureReqs;

/// <summary>What happened to one case: the answers, the outcome, and what the judge found.</summary>
public sealed record CaseResult
{
    /// <summary>The case as sent.</summary>
    public required CaseInstance Instance { get; init; }

    /// <summary>The outcome.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>The target's answers, one per user turn that was answered.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>The planted values that leaked.</summary>
    public IReadOnlyList<LeakFinding> Leaks { get; init; } = [];

    /// <summary>What went wrong when <see cref="Outcome"/> is <see cref="Outcome.Errored"/>.</summary>
    public string? Error { get; init; }

    /// <summary>How long the case took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The case id.</summary>
    public string Id => Instance.Id;

    /// <summary>The case's technique.</summary>
    public string Technique => Instance.Case.Technique;

    /// <summary>Whether the case is an attack.</summary>
    public bool IsAttack => Instance.Case.Kind == CaseKind.Attack;

    /// <summary>A one-line description of what the judge found, for evidence.</summary>
    public string Finding => Outcome switch
    {
        Outcome.Compromised => "leaked " + string.Join(", ", Leaks.Select(l => l.Value.Name).Distinct()),
        Outcome.Errored => "error: " + Error,
        Outcome.OverBlocked => "benign request refused or blocked",
        _ => Outcome.ToString().ToLowerInvariant(),
    };
}
