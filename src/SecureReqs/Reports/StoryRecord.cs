using System.Collections.Concurrent;

namespace SecureReqs;

/// <summary>What one scenario (story) ran and what it found: the run and every requirement checked.</summary>
public sealed class StoryRecord
{
    private readonly ConcurrentQueue<RequirementResult> _requirements = new();

    /// <summary>The feature's name.</summary>
    public required string Feature { get; init; }

    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Identifies the scenario within its run, as the host that registered a <c>StoryKey</c> chose it; empty otherwise.</summary>
    public string Key { get; init; } = "";

    /// <summary>The scenario's tags (with feature tags), without the leading @.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The run, once the cases were sent.</summary>
    public RunResult? Run { get; set; }

    /// <summary>Notes for the reports, such as a capped mutation expansion.</summary>
    public IList<string> Notes { get; } = [];

    /// <summary>The requirements checked, in order.</summary>
    public IReadOnlyList<RequirementResult> Requirements => [.. _requirements];

    /// <summary>Adds a checked requirement.</summary>
    /// <param name="result">The result.</param>
    public void Add(RequirementResult result) => _requirements.Enqueue(result);
}
