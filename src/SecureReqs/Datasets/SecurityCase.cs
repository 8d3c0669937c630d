namespace SecureReqs;

/// <summary>One case of an adversarial dataset, as written (placeholders not yet filled).</summary>
public sealed record SecurityCase
{
    /// <summary>The id, unique within the dataset.</summary>
    public required string Id { get; init; }

    /// <summary>Attack or benign control.</summary>
    public required CaseKind Kind { get; init; }

    /// <summary>The OWASP LLM 2025 threat id, such as <c>LLM02</c>.</summary>
    public required string Threat { get; init; }

    /// <summary>The technique, kebab-case; KPIs are broken down by it.</summary>
    public required string Technique { get; init; }

    /// <summary>The conversation, in order.</summary>
    public required IReadOnlyList<CaseTurn> Turns { get; init; }

    /// <summary>Retrieved or received content delivered with the conversation.</summary>
    public IReadOnlyList<CaseContextItem> Context { get; init; } = [];

    /// <summary>What counts as compromise or as correct service.</summary>
    public required CaseOracle Oracle { get; init; }

    /// <summary>Who the case runs as (the authenticated caller, not what the text claims), or null for the story's caller.</summary>
    public CallerIdentity? Caller { get; init; }

    /// <summary>The tools (any one of them) whose call completes the user's own legitimate request; empty when it needs none.</summary>
    public IReadOnlyList<string> TaskTools { get; init; } = [];

    /// <summary>Free labels.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where the case was read from, for error messages and evidence (<c>file:line</c>).</summary>
    public string Source { get; init; } = "";
}
