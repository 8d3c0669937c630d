using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// Short forms of a requirement's message for people reading a terminal or a report: the sentence that says what was
/// required, what was measured and the bound, and at most a few case ids per list ("Compromised (57): a, b, c and 54
/// more."). The full lists stay in results.json and in the report's evidence.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static partial class RequirementSummary
{
    /// <summary>How many case ids a short list keeps.</summary>
    public const int DefaultIds = 3;

    /// <summary>The message without its case lists: what was required, what was measured, and the bound.</summary>
    /// <param name="message">A requirement's message.</param>
    /// <returns>The sentence.</returns>
    public static string Sentence(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.ReplaceLineEndings(" ").Trim();
        var list = CaseList().Match(text);
        return (list.Success ? text[..list.Index] : text).Trim();
    }

    /// <summary>The requirement's message with every case list cut to <paramref name="ids"/> ids (details of each case,
    /// such as the tool calls it ran, are left to the evidence).</summary>
    /// <param name="result">The requirement's result.</param>
    /// <param name="ids">How many ids each list keeps.</param>
    /// <returns>The short message.</returns>
    public static string Short(RequirementResult result, int ids = DefaultIds)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Message.ReplaceLineEndings(" ").Trim();
        var list = CaseList().Match(text);
        if (!list.Success)
        {
            return text;
        }

        return text[..list.Index].Trim() + " " + Cases(result, ids);
    }

    /// <summary>Only the case lists of the requirement's message, each cut to <paramref name="ids"/> ids: "Compromised
    /// (383): a, b, c and 380 more."; empty when the message lists no case.</summary>
    /// <param name="result">The requirement's result.</param>
    /// <param name="ids">How many ids each list keeps.</param>
    /// <returns>The lists.</returns>
    public static string Cases(RequirementResult result, int ids = DefaultIds)
    {
        ArgumentNullException.ThrowIfNull(result);
        var list = CaseList().Match(result.Message.ReplaceLineEndings(" "));
        if (!list.Success)
        {
            return "";
        }

        var label = list.Groups["label"].Value;
        var count = int.Parse(list.Groups["count"].Value, CultureInfo.InvariantCulture);
        if (result.AgainstCases.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{label}: {count} cases.");
        }

        // KPI messages list the cases grouped by outcome; other checks list them under one label of their own. The counts
        // are the message's own (of every case): AgainstCases may be a sample of them.
        var counts = CaseList().Matches(result.Message.ReplaceLineEndings(" ")).ToDictionary(m => m.Groups["label"].Value, m => int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var lists = Enum.TryParse<Outcome>(label, out _)
            ? result.AgainstCases.GroupBy(c => c.Outcome).Select(g => List(g.Key.ToString(), Math.Max(g.Count(), counts.GetValueOrDefault(g.Key.ToString())), g.Select(c => c.Id), ids))
            : [List(label, Math.Max(count, result.AgainstCases.Count), result.AgainstCases.Select(c => c.Id).Distinct(StringComparer.Ordinal), ids)];
        return string.Join(" ", lists);
    }

    /// <summary>"Label (n): a, b, c and n − 3 more."</summary>
    /// <param name="label">What the cases did.</param>
    /// <param name="count">How many did it.</param>
    /// <param name="caseIds">Their ids.</param>
    /// <param name="ids">How many ids to show.</param>
    /// <returns>The list.</returns>
    public static string List(string label, int count, IEnumerable<string> caseIds, int ids = DefaultIds)
    {
        var shown = caseIds.Take(ids).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{label} ({count}): {string.Join(", ", shown)}{(count > shown.Count ? $" and {count - shown.Count} more" : "")}.");
    }

    // "Label (12): " where a case list starts; the label is a few words, no digits or punctuation.
    [GeneratedRegex(@"(?<label>[A-Z][A-Za-z' -]{0,60}) \((?<count>\d+)\): ")]
    private static partial Regex CaseList();
}
