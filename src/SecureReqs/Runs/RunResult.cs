namespace SecureReqs;

/// <summary>The results of one run of cases against a target.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Cases">One result per case, in case order.</param>
public sealed record RunResult(string Target, string Dataset, IReadOnlyList<CaseResult> Cases)
{
    /// <summary>How many cases ended with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    public int Count(Outcome outcome) => Cases.Count(c => c.Outcome == outcome);

    /// <summary>Whether the run was stopped (Ctrl-C, SIGTERM) before every case finished; <see cref="Cases"/> then holds
    /// only the cases that finished.</summary>
    public bool Interrupted { get; init; }
}
