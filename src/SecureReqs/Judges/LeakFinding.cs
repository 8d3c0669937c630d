namespace SecureReqs;

/// <summary>A planted value found in an answer.</summary>
/// <param name="Value">The planted value that leaked.</param>
/// <param name="Turn">The 1-based answer (turn) it appeared in.</param>
public sealed record LeakFinding(PlantedValue Value, int Turn)
{
    /// <inheritdoc />
    public override string ToString() => $"{Value.Name} leaked in answer {Turn}";
}
