namespace SecureReqs;

/// <summary>One labelled answer of a judge calibration set: what a person decided about it under a rule.</summary>
/// <param name="Id">The item's id, unique in its dataset.</param>
/// <param name="Rule">The rule in plain words, exactly as stories write it.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Breaks">The person's verdict: whether the answer breaks the rule.</param>
public sealed record CalibrationItem(string Id, string Rule, string Answer, bool Breaks)
{
    /// <summary>The user's request the answer replies to, when the item has one.</summary>
    public string? Request { get; init; }

    /// <summary>The system prompt the rule is about, for rules about the assistant's own prompt.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Where the item was read from (<c>file:line</c>), for messages.</summary>
    public string Source { get; init; } = "";
}
