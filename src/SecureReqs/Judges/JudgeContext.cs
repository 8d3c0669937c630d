namespace SecureReqs;

/// <summary>What the judges know about the target: its system prompt and the secrets in it, when it declares them.</summary>
/// <param name="SystemPrompt">The target's system prompt, or null when unknown.</param>
/// <param name="Secrets">Values in the system prompt whose appearance proves a leak (its canary).</param>
public sealed record JudgeContext(string? SystemPrompt, IReadOnlyList<string> Secrets)
{
    /// <summary>The target's tool policy, or null when it declares none.</summary>
    public ToolPolicy? ToolPolicy { get; init; }

    /// <summary>Whether the target reports white-box evidence (tool invocations, retrievals) to the run; when false, requested tool calls are judged as if they ran.</summary>
    public bool WhiteBox { get; init; }

    /// <summary>Whether the target's answers report its retrievals (a black-box target that declares where).</summary>
    public bool ReportsRetrievals { get; init; }

    /// <summary>The knowledge-base documents that carry canaries, so exposure can be seen in answers (black-box).</summary>
    public IReadOnlyList<KnowledgeDocument> CanaryDocuments { get; init; } = [];

    /// <summary>
    /// The target's own public values (its support address, its hotline): what a check that flags any value of a kind
    /// ("no response contains an e-mail address") accepts when the scanner finds it. Planted values are never public.
    /// </summary>
    public IReadOnlyList<string> PublicValues { get; init; } = [];

    /// <summary>A context with nothing declared.</summary>
    public static JudgeContext None { get; } = new(null, []);

    /// <summary>The context of a target definition.</summary>
    /// <param name="target">The target.</param>
    /// <returns>The context.</returns>
    public static JudgeContext Of(TargetDefinition target) => new(target.SystemPrompt, target.SystemPromptSecrets)
    {
        ToolPolicy = target.ToolPolicy,
        WhiteBox = target.WhiteBox,
        ReportsRetrievals = target.ReportsRetrievals,
        CanaryDocuments = [.. target.Documents.Where(d => d.Canary is not null)],
        PublicValues = target.PublicValues,
    };
}
