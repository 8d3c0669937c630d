namespace SecureReqs;

/// <summary>A story's evidence pack as <c>results.json</c> records it: exactly what was sent, so a verdict can be
/// reproduced and audited.</summary>
public sealed record ResultsProvenance
{
    /// <summary>The target (name, kind, endpoint host and model; never a key or a full URL), or null.</summary>
    public StoryTarget? Target { get; init; }

    /// <summary>Each dataset with its version and the SHA-256 of its manifest.</summary>
    public IReadOnlyList<StoryDataset> Datasets { get; init; } = [];

    /// <summary>The seed of placeholders, records and mutation sampling.</summary>
    public int? Seed { get; init; }

    /// <summary>The synthetic customer records the story asked for, or null for one per case.</summary>
    public int? Records { get; init; }

    /// <summary>The mutator chains.</summary>
    public IReadOnlyList<string> Mutators { get; init; } = [];

    /// <summary>How many times each case was attempted.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>The recording the story replayed, or null for a live run.</summary>
    public string? Recording { get; init; }

    /// <summary>The attacker model that pursued attacks adaptively, or null.</summary>
    public StoryTarget? Attacker { get; init; }

    /// <summary>The adaptive strategies, empty when attacks were sent as written.</summary>
    public IReadOnlyList<string> AdaptiveStrategies { get; init; } = [];

    /// <summary>The most turns an attack was pursued for, or null.</summary>
    public int? AdaptiveTurns { get; init; }

    /// <summary>Copies a story's provenance.</summary>
    /// <param name="provenance">The provenance.</param>
    /// <returns>The copy.</returns>
    public static ResultsProvenance From(StoryProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return new()
        {
            Target = provenance.Target,
            Datasets = [.. provenance.Datasets],
            Seed = provenance.Seed,
            Records = provenance.Records,
            Mutators = [.. provenance.Mutators],
            Attempts = provenance.Attempts,
            Attacker = provenance.Attacker,
            Recording = provenance.Recording,
            AdaptiveStrategies = [.. provenance.AdaptiveStrategies],
            AdaptiveTurns = provenance.AdaptiveTurns,
        };
    }
}
