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

    /// <summary>The run without the poisoned documents, in a poisoning comparison; null otherwise.</summary>
    public RunResult? Baseline { get; set; }

    /// <summary>The evidence pack: datasets with their manifest hashes, seed, records, mutators, target.</summary>
    public StoryProvenance Provenance { get; } = new();

    /// <summary>What is wrong with the story itself (an unknown KPI, a claim its cases can never show), found before
    /// any request; a story with problems is an error and sends nothing.</summary>
    public IList<string> Problems { get; } = [];

    /// <summary>The requests the story sends at most, as planned before the run.</summary>
    public long PlannedRequests { get; set; }

    /// <summary>Values that must never appear in a report: the target's system-prompt secrets and canaries.</summary>
    public IReadOnlyList<string> Secrets { get; set; } = [];

    /// <summary>Whether the story's steps ran through the security engine at all (a dry run records nothing).</summary>
    public bool Evaluated => Requirements.Count > 0;

    /// <summary>Notes for the reports, such as a capped mutation expansion.</summary>
    public IList<string> Notes { get; } = [];

    /// <summary>A bounded, seeded sample of the run's cases per outcome, for the reports; null before the run.</summary>
    public CaseSample? Sample { get; set; }

    /// <summary>The requirements checked, in order.</summary>
    public IReadOnlyList<RequirementResult> Requirements => [.. _requirements];

    /// <summary>Gets or sets, in a sharded run (<c>--shard</c>), the story's counts and samples for <c>securereqs
    /// merge</c>; null when the run is not sharded or the story sent nothing.</summary>
    public System.Text.Json.Nodes.JsonObject? ShardState { get; set; }

    /// <summary>Adds a checked requirement.</summary>
    /// <param name="result">The result.</param>
    public void Add(RequirementResult result) => _requirements.Enqueue(result);
}
