namespace SecureReqs;

/// <summary>How a requirement's KPI moved since the baseline.</summary>
public enum KpiChange
{
    /// <summary>No baseline was given: nothing to compare.</summary>
    NotCompared,

    /// <summary>The rate of cases against the requirement is the same.</summary>
    Unchanged,

    /// <summary>Fewer cases stand against the requirement, significantly.</summary>
    Improved,

    /// <summary>Fewer cases stand against the requirement, but not significantly.</summary>
    Better,

    /// <summary>More cases stand against the requirement, but not significantly.</summary>
    Worse,

    /// <summary>More cases stand against the requirement, significantly: the gate fails.</summary>
    Regressed,

    /// <summary>The requirement is not in the baseline.</summary>
    New,

    /// <summary>The requirement is in the baseline but not in this run.</summary>
    Removed,

    /// <summary>One of the runs measured no case, so there is nothing to compare.</summary>
    NotMeasured,
}
