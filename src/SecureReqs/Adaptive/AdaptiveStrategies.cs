namespace SecureReqs;

/// <summary>The adaptive strategies' names and the phrases a story uses for them.</summary>
public static class AdaptiveStrategies
{
    /// <summary>Every strategy with its label (in case ids and breakdowns) and its phrase in a step.</summary>
    public static IReadOnlyList<(AdaptiveStrategy Strategy, string Label, string Phrase)> All { get; } =
    [
        (AdaptiveStrategy.Escalation, "escalation", "by gradual escalation"),
        (AdaptiveStrategy.Refinement, "refinement", "by refining a single prompt"),
        (AdaptiveStrategy.Branching, "branching", "by a branching search"),
    ];

    /// <summary>The label of a strategy: <c>escalation</c>, <c>refinement</c> or <c>branching</c>.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>The label.</returns>
    public static string Label(AdaptiveStrategy strategy) => All.First(s => s.Strategy == strategy).Label;

    /// <summary>
    /// Reads the strategies a step names: empty text for gradual escalation, a phrase such as "by a branching search",
    /// several joined by "and" or commas, or "by every strategy".
    /// </summary>
    /// <param name="text">The text after the number of turns.</param>
    /// <returns>The strategies, each once, in the order written.</returns>
    /// <exception cref="SecureReqsException">A phrase names no strategy; the message lists them.</exception>
    public static IReadOnlyList<AdaptiveStrategy> Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return [AdaptiveStrategy.Escalation];
        }

        if (string.Equals(trimmed, "by every strategy", StringComparison.OrdinalIgnoreCase))
        {
            return [.. All.Select(s => s.Strategy)];
        }

        var found = new List<AdaptiveStrategy>();
        foreach (var part in trimmed.Replace(", and ", ", ", StringComparison.OrdinalIgnoreCase).Replace(" and ", ", ", StringComparison.OrdinalIgnoreCase).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var phrase = part.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? part : "by " + part;
            var match = All.FirstOrDefault(s => string.Equals(s.Phrase, phrase, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Label, part, StringComparison.OrdinalIgnoreCase));
            if (match.Label is null)
            {
                throw SecureReqsException.Unknown("adaptive strategy", part, [.. All.Select(s => s.Phrase)], "Or write \"by every strategy\"; with none named, attacks are pursued by gradual escalation.");
            }

            if (!found.Contains(match.Strategy))
            {
                found.Add(match.Strategy);
            }
        }

        return found;
    }
}
