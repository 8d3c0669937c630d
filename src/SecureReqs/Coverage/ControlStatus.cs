namespace SecureReqs;

/// <summary>Where a control stands, from the stories tagged with it.</summary>
public enum ControlStatus
{
    /// <summary>Every tagged story that ran passed (and at least one ran).</summary>
    Passed,

    /// <summary>A tagged story failed, was inconclusive or could not run.</summary>
    Failed,

    /// <summary>Stories are tagged with it, but none ran (they were skipped, or no results were given).</summary>
    NotRun,

    /// <summary>No story is tagged with it.</summary>
    NotCovered,
}
