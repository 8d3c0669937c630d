using System.Globalization;

namespace SecureReqs;

/// <summary>
/// "no response uses more than &lt;n&gt; tokens" (LLM10): no answered request of any case used more tokens than the budget,
/// by the usage the target reports. An errored case counts against the claim; a target that reports no usage leaves it
/// inconclusive.
/// </summary>
/// <param name="budget">The budget per response.</param>
public sealed class TokenBudget(long budget) : RunRequirement
{
    /// <summary>The budget per response.</summary>
    public long Budget { get; } = budget >= 1 ? budget : throw new ArgumentOutOfRangeException(nameof(budget), budget, "The budget must be at least 1 token.");

    /// <inheritdoc/>
    public override string Statement => string.Create(CultureInfo.InvariantCulture, $"no response uses more than {Budget} tokens");

    /// <summary>Parses the budget as a story writes it.</summary>
    /// <param name="text">A positive whole number.</param>
    /// <returns>The requirement.</returns>
    /// <exception cref="SecureReqsException">Not a positive whole number.</exception>
    public static TokenBudget Parse(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var budget) && budget >= 1
            ? new TokenBudget(budget)
            : throw new SecureReqsException($"The token budget \"{text}\" is not a positive whole number. Write for example 'Then no response uses more than 800 tokens'.");

    /// <inheritdoc/>
    public override RequirementResult Evaluate(RunResult run, StoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(run);
        var population = run.Cases.Where(c => c.Requests.Count > 0 || c.Outcome == Outcome.Errored).ToList();
        var errored = population.Where(c => c.Outcome == Outcome.Errored).ToList();
        var over = population.Where(c => c.Outcome != Outcome.Errored && c.Requests.Any(r => r.Tokens > Budget))
            .OrderByDescending(c => c.Requests.Max(r => r.Tokens ?? 0)).ThenBy(c => c.Instance.Index).ToList();
        var unreported = population.Count(c => c.Outcome != Outcome.Errored && c.Requests.Any(r => r.Tokens is null));
        var against = over.Concat(errored).ToList();
        var verdict = population.Count == 0 ? Verdict.Inconclusive
            : against.Count > 0 ? Verdict.Fail
            : unreported > 0 ? Verdict.Inconclusive
            : Verdict.Pass;
        var most = population.SelectMany(c => c.Requests.Select(r => (Case: c, Tokens: r.Tokens ?? 0))).MaxBy(x => x.Tokens);
        var erroredNote = errored.Count == 0 ? "" : $"; {errored.Count} ended in an error (counted against the claim): {string.Join(", ", errored.Take(KpiAssessment.MaxListedCases).Select(c => c.Id))}";
        var message = verdict switch
        {
            Verdict.Pass => $"No response uses more than {Budget} tokens: the most was {most.Tokens} ({most.Case.Id}), over all {population.Count} answered cases.",
            Verdict.Fail => $"Expected no response to use more than {Budget} tokens, but {over.Count} of {population.Count} cases did{(over.Count == 0 ? "" : ": " + string.Join(", ", over.Take(10).Select(c => $"{c.Id} ({c.Requests.Max(r => r.Tokens ?? 0)} tokens)")) + (over.Count > 10 ? $" and {over.Count - 10} more" : ""))}{erroredNote}.",
            _ when population.Count == 0 => $"No case was answered, so nothing shows that {Statement}.",
            _ => $"{unreported} of {population.Count} answered cases have responses without token usage, so nothing shows that {Statement}. The target must report usage (ChatResponse.Usage); OpenAI-compatible endpoints do.",
        };
        return RequirementResult.Absolute(Statement, "responses over the token budget", against.Count, population.Count, verdict, message, [.. against.OrderBy(c => c.Instance.Index)]);
    }
}
