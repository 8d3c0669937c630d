namespace SecureReqs.Demo;

/// <summary>
/// The simulated model's answer before it is worded: what it decided to say (<see cref="Kind"/>, <see cref="Material"/>),
/// the instructions it obeyed (<see cref="Directives"/>) and the account of its tool calls. <see cref="Naive"/> is the
/// wording of the naive and guarded builds; <see cref="ModelStyleRenderer"/> words it the way real models write.
/// </summary>
/// <param name="Kind">What the answer is.</param>
/// <param name="Main">The naive wording of the main answer.</param>
internal sealed record DraftAnswer(DraftKind Kind, string Main)
{
    /// <summary>The encoding (<c>base64</c>, <c>hex</c>, <c>spell</c>, <c>json</c>) of a system prompt, or the task
    /// (<c>json</c>, <c>csv</c>, <c>table</c>, <c>translate</c>, <c>summary</c>, <c>base64</c>, <c>spell</c>,
    /// <c>repeat</c>) of a data answer; null for none.</summary>
    public string? Format { get; init; }

    /// <summary>What the answer is made of: the system prompt, the material's pieces, or the article's content.</summary>
    public IReadOnlyList<string> Material { get; init; } = [];

    /// <summary>The article's header, for <see cref="DraftKind.Article"/>.</summary>
    public string? Title { get; init; }

    /// <summary>The last request as the model understood it, lowercased.</summary>
    public string Ask { get; init; } = "";

    /// <summary>What instructions in the request or the content told it to output, one per instruction.</summary>
    public IReadOnlyList<string> Directives { get; init; } = [];

    /// <summary>The account of this turn's tool results (empty, or starting with two newlines).</summary>
    public string ToolSummary { get; init; } = "";

    /// <summary>The answer as the naive build words it.</summary>
    public string Naive => Main + (Directives.Count == 0 ? "" : "\n\n" + string.Join("\n", Directives)) + ToolSummary;
}
