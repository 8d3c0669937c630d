namespace SecureReqs;

/// <summary>The evidence pack of one story: what exactly was sent, so a result can be reproduced and audited.</summary>
/// <remarks>Filled while the story is declared and run; not thread-safe.</remarks>
public sealed class StoryProvenance
{
    /// <summary>The target, or null before one is chosen.</summary>
    public StoryTarget? Target { get; set; }

    /// <summary>Each dataset with its version and the SHA-256 of its manifest.</summary>
    public IList<StoryDataset> Datasets { get; } = [];

    /// <summary>The seed of placeholders, records and mutation sampling.</summary>
    public int? Seed { get; set; }

    /// <summary>The number of synthetic customer records the story asked for, or null for one per case.</summary>
    public int? Records { get; set; }

    /// <summary>The mutator chains, such as "base64" or "homoglyphs + base64".</summary>
    public IList<string> Mutators { get; } = [];

    /// <summary>The attacker model that pursued attacks adaptively, or null.</summary>
    public StoryTarget? Attacker { get; set; }

    /// <summary>The adaptive strategies (escalation, refinement, branching), empty when attacks were sent as written.</summary>
    public IList<string> AdaptiveStrategies { get; } = [];

    /// <summary>The most turns an attack was pursued for, or null when attacks were sent as written.</summary>
    public int? AdaptiveTurns { get; set; }

    /// <summary>The recording the story replayed (a response-cache folder), or null for a live run.</summary>
    public string? Recording { get; set; }

    /// <summary>How many times each case was attempted.</summary>
    public int Attempts { get; set; } = 1;
}
