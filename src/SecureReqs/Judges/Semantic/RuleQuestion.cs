namespace SecureReqs;

/// <summary>What a semantic judge is asked about one answer: does it break the rule?</summary>
/// <param name="Rule">The rule in plain words, as a product manager writes it, such as "never gives legal advice".</param>
/// <param name="Answer">The answer to judge.</param>
public sealed record RuleQuestion(string Rule, string Answer)
{
    /// <summary>The user's request the answer replies to, when known.</summary>
    public string? Request { get; init; }

    /// <summary>The assistant's system prompt, when the rule is about it (a paraphrased or translated prompt is still the prompt).</summary>
    public string? SystemPrompt { get; init; }
}
