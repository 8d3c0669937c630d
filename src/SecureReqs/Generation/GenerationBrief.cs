namespace SecureReqs;

/// <summary>
/// What an attacker model is asked to write cases for: the story's threat (from its narrative and tags), the oracle
/// its cases are judged by, and what the target is for, its tools and data, as its configuration declares them.
/// </summary>
public sealed record GenerationBrief
{
    /// <summary>Gets the story's feature and scenario names.</summary>
    public required string Story { get; init; }

    /// <summary>Gets the story's narrative (the feature's description: "As a … I want … So that …").</summary>
    public string Narrative { get; init; } = "";

    /// <summary>Gets the threat the cases are filed under, such as <c>LLM07</c>.</summary>
    public required string Threat { get; init; }

    /// <summary>Gets the oracle the cases are judged by: <c>system-prompt-leak</c>, <c>canary</c>, <c>no-leak</c> or <c>forbidden-url</c>.</summary>
    public required string Oracle { get; init; }

    /// <summary>Gets what the target is for, as declared.</summary>
    public string? Purpose { get; init; }

    /// <summary>Gets the names of the target's tools, if it declares a tool policy.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Gets the titles of the target's documents, if it declares any.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Gets how many cases to write.</summary>
    public int Count { get; init; } = 20;

    /// <summary>Gets the seed of every request.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The oracles <c>securereqs generate</c> writes cases for.</summary>
    public static IReadOnlyList<string> SupportedOracles { get; } = [CaseOracle.SystemPromptLeak, CaseOracle.Canary, CaseOracle.NoLeak, CaseOracle.ForbiddenUrl];
}
