namespace SecureReqs;

/// <summary>The gate's decision: whether the release may go ahead, why not, and what changed since the baseline.</summary>
public sealed record GateResult
{
    /// <summary>Whether every story passed and no KPI regressed significantly.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Why the gate fails, one reason a line; empty when it passes.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Every requirement of this run and of the baseline, with how it changed.</summary>
    public required IReadOnlyList<GateRow> Rows { get; init; }

    /// <summary>What the gate noticed that does not fail it, such as a story missing from this run.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
