namespace SecureReqs.Demo;

/// <summary>An answer as <see cref="ModelStyleRenderer"/> worded it, with the choices it made.</summary>
/// <param name="Text">The answer.</param>
/// <param name="Choices">The choices, such as <c>style=gpt-like</c>, <c>act=refusal</c>, <c>card=split-sentences</c>.</param>
internal sealed record RenderedAnswer(string Text, IReadOnlyList<string> Choices)
{
    /// <summary>The choices on one line, separated by "; ".</summary>
    public string Description => string.Join("; ", Choices);
}
