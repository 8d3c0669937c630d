namespace SecureReqs;

/// <summary>The results of one run of cases against a target.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Cases">One result per case, in case order; empty when the run streamed its cases without keeping them
/// (<see cref="SecurityRunOptions.KeepCases"/>): <see cref="Tally"/> then holds what the reports need of them.</param>
public sealed record RunResult(string Target, string Dataset, IReadOnlyList<CaseResult> Cases)
{
    /// <summary>The counts of every case of the run, kept or not.</summary>
    public RunTally Tally
    {
        get => field ??= RunTally.Of(Cases);
        init;
    }

    /// <summary>How many cases finished.</summary>
    public int CaseCount => Tally.Cases;

    /// <summary>How many cases ended with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    public int Count(Outcome outcome) => Tally.Count(outcome);

    /// <summary>Whether the run was stopped (Ctrl-C, SIGTERM) before every case finished; <see cref="Cases"/> then holds
    /// only the cases that finished.</summary>
    public bool Interrupted { get; init; }
}
