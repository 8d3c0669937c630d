namespace SecureReqs;

/// <summary>One line of the gate's table: a story's requirement, its value in the baseline and now, and the change.</summary>
public sealed record GateRow
{
    /// <summary>"Feature: Scenario".</summary>
    public required string Story { get; init; }

    /// <summary>The scenario's name alone, for a narrow table (the story's full name is in <see cref="Story"/>).</summary>
    /// <value>The default value is <see cref="Story"/>.</value>
    public string Scenario
    {
        get => field ?? Story;
        init;
    }

    /// <summary>The KPI or check.</summary>
    public required string Kpi { get; init; }

    /// <summary>The baseline's value, such as "0.5% (2/400)", or null.</summary>
    public string? Baseline { get; init; }

    /// <summary>This run's value, or null.</summary>
    public string? Current { get; init; }

    /// <summary>The difference in percentage points ("+4.5 pts"), or null.</summary>
    public string? Difference { get; init; }

    /// <summary>The one-sided p-value of the test in the direction the rate moved, or null when not tested.</summary>
    public double? PValue { get; init; }

    /// <summary>The significance level the change was tested at (1 − the story's confidence), or null.</summary>
    public double? Significance { get; init; }

    /// <summary>How it changed.</summary>
    public required KpiChange Change { get; init; }

    /// <summary>This run's verdict on the requirement, or null when it is not in this run.</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>Anything else worth saying, such as a changed threshold.</summary>
    public string? Note { get; init; }
}
