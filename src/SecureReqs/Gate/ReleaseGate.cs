using System.Globalization;

namespace SecureReqs;

/// <summary>
/// Decides whether a release may go ahead from a run's <c>results.json</c> and, optionally, a baseline run's: it fails
/// when a story failed, was inconclusive or could not run, and when a KPI is significantly worse than in the baseline
/// even though it still clears its threshold.
/// </summary>
/// <remarks>
/// <para>"Significantly worse" is a one-sided Fisher exact test (<see cref="FisherExact"/>) of the share of cases that
/// stand against the requirement (failures for "at least", counted cases for "at most"), at the story's own confidence:
/// at 95% confidence the gate calls a change a regression when a change that large would happen by chance less than 5% of
/// the time with an unchanged target. Absolute checks are tested at 95%.</para>
/// <para>Stories are matched by feature file and scenario name, requirements by KPI and direction in order. A story or
/// requirement that disappeared since the baseline is noted, never silently passed. Thread-safe.</para>
/// </remarks>
public static class ReleaseGate
{
    /// <summary>The confidence used for checks that state none (absolute checks such as "no response contains a ...").</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>Evaluates the gate.</summary>
    /// <param name="current">This run's results.</param>
    /// <param name="baseline">A previous run's results, or null.</param>
    /// <returns>The decision.</returns>
    public static GateResult Evaluate(ResultsFile current, ResultsFile? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var failures = new List<string>();
        var notes = new List<string>();
        var rows = new List<GateRow>();
        failures.AddRange(Refusals(current, "these results"));
        if (baseline is not null)
        {
            failures.AddRange(Refusals(baseline, "the baseline").Select(r => r + " A baseline must be a complete run."));
        }

        foreach (var story in current.Stories.Where(s => s.Status == StoryStatus.Passed && s.Requirements.Count == 0))
        {
            failures.Add($"NO EVIDENCE: {story.Name} ({story.File}) is marked passed but records no requirement result, so nothing shows it holds. Re-run the stories with 'securereqs run'.");
        }

        foreach (var story in current.Stories.Where(s => s.Status is StoryStatus.Failed or StoryStatus.Inconclusive or StoryStatus.Error))
        {
            var why = story.Requirements.FirstOrDefault(r => r.Verdict != Verdict.Pass)?.Message ?? story.Message;
            failures.Add($"{ResultsJsonWriter.Name(story.Status).ToUpperInvariant()}: {story.Name} ({story.File}{(story.Line > 0 ? ":" + story.Line.ToString(CultureInfo.InvariantCulture) : "")}): {FirstSentence(why)}");
        }

        if (!current.Stories.Any(s => s.Status == StoryStatus.Passed))
        {
            failures.Add(current.Stories.Count == 0
                ? "NO STORIES: the results hold no story. Check the features folder the run was given."
                : $"NO STORY PASSED: all {current.Stories.Count} stories were skipped or did not pass.");
        }

        var matched = new HashSet<ResultsStory>(ReferenceEqualityComparer.Instance);
        foreach (var story in current.Stories)
        {
            var before = baseline is null ? null : FindStory(baseline, story, matched);
            if (before is not null)
            {
                matched.Add(before);
                if (before.Status == StoryStatus.Passed && story.Status == StoryStatus.Skipped)
                {
                    notes.Add($"{story.Name} passed in the baseline but was skipped in this run.");
                }
            }

            Compare(story, before, baseline is not null, rows, failures);
        }

        foreach (var gone in baseline?.Stories.Where(s => !matched.Contains(s)) ?? [])
        {
            notes.Add($"{gone.Name} ({gone.File}) is in the baseline but not in this run: it was renamed or removed, so nothing shows it still holds.");
            foreach (var r in gone.Requirements)
            {
                rows.Add(new GateRow { Story = gone.Name, Scenario = gone.Scenario, Kpi = r.Kpi, Baseline = Value(r), Change = KpiChange.Removed });
            }
        }

        return new GateResult { Failures = failures, Rows = rows, Notes = notes };
    }

    /// <summary>Why a results file can never pass a gate, whatever its stories say.</summary>
    /// <param name="file">The file.</param>
    /// <param name="what">"these results" or "the baseline".</param>
    /// <returns>The reasons; empty when it can be gated.</returns>
    public static IReadOnlyList<string> Refusals(ResultsFile file, string what)
    {
        ArgumentNullException.ThrowIfNull(file);
        var refusals = new List<string>();
        if (file.DryRun)
        {
            refusals.Add($"DRY RUN: {what} come from a dry run (REQNROLL_DRY_RUN): steps were matched, but nothing was sent or measured. Unset REQNROLL_DRY_RUN and run the stories again.");
        }

        if (file.Shard is { } shard)
        {
            refusals.Add($"SHARD: {what} are shard {shard} of a sharded run: they hold only that shard's part of the cases. Merge every shard first ('securereqs merge <shard folders>… --report <dir>') and gate the merged results.json.");
        }

        if (file.Interrupted)
        {
            refusals.Add($"INTERRUPTED: {what} come from a run that was stopped before every story ran. Run the stories to the end.");
        }
        else if (!file.Complete)
        {
            refusals.Add($"INCOMPLETE: {what} are not a finished run (the run is still going, crashed or was killed before it wrote its final results). Run the stories to the end.");
        }

        return refusals;
    }

    private static ResultsStory? FindStory(ResultsFile baseline, ResultsStory story, HashSet<ResultsStory> matched) =>
        baseline.Stories.FirstOrDefault(b => !matched.Contains(b) && b.File == story.File && b.Scenario == story.Scenario)
        ?? baseline.Stories.FirstOrDefault(b => !matched.Contains(b) && b.Feature == story.Feature && b.Scenario == story.Scenario);

    private static void Compare(ResultsStory story, ResultsStory? before, bool haveBaseline, List<GateRow> rows, List<string> failures)
    {
        var remaining = before?.Requirements.ToList() ?? [];
        foreach (var now in story.Requirements)
        {
            var then = remaining.FirstOrDefault(b => b.Kpi == now.Kpi && b.Comparison == now.Comparison);
            if (then is not null)
            {
                remaining.Remove(then);
            }

            var row = CompareRequirement(story, now, then, haveBaseline);
            rows.Add(row);
            if (row.Change == KpiChange.Regressed)
            {
                failures.Add($"REGRESSED: {story.Name} — the {now.Kpi} went from {row.Baseline} to {row.Current} (one-sided Fisher exact p = {P(row.PValue)}, below {KpiRequirement.Percent(row.Significance ?? 0)}){(now.Verdict == Verdict.Pass ? ", although it still clears its threshold" : "")}.");
            }
        }

        foreach (var gone in remaining)
        {
            rows.Add(new GateRow { Story = story.Name, Scenario = story.Scenario, Kpi = gone.Kpi, Baseline = Value(gone), Change = KpiChange.Removed, Note = "the requirement is no longer checked" });
        }
    }

    private static GateRow CompareRequirement(ResultsStory story, ResultsRequirement now, ResultsRequirement? then, bool haveBaseline)
    {
        var row = new GateRow
        {
            Story = story.Name,
            Scenario = story.Scenario,
            Kpi = now.Kpi,
            Current = Value(now),
            Baseline = then is null ? null : Value(then),
            Verdict = now.Verdict,
            Change = !haveBaseline ? KpiChange.NotCompared : then is null ? KpiChange.New : KpiChange.NotMeasured,
            Note = then is not null && then.Requirement != now.Requirement ? $"the requirement changed: was \"{then.Requirement}\"" : null,
        };
        if (then is null || now.Total == 0 || then.Total == 0)
        {
            return row;
        }

        var alpha = 1 - (now.Confidence ?? then.Confidence ?? DefaultConfidence);
        var rateThen = (double)then.Against / then.Total;
        var rateNow = (double)now.Against / now.Total;
        var difference = ((now.Count / (double)now.Total) - (then.Count / (double)then.Total)) * 100;
        row = row with { Difference = difference.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + " pts", Significance = alpha };
        if (rateNow > rateThen)
        {
            var p = FisherExact.GreaterPValue(then.Against, then.Total, now.Against, now.Total);
            return row with { PValue = p, Change = p <= alpha ? KpiChange.Regressed : KpiChange.Worse };
        }

        if (rateNow < rateThen)
        {
            var p = FisherExact.GreaterPValue(now.Against, now.Total, then.Against, then.Total);
            return row with { PValue = p, Change = p <= alpha ? KpiChange.Improved : KpiChange.Better };
        }

        return row with { Change = KpiChange.Unchanged };
    }

    /// <summary>A requirement's measured value: "97.33% (292/300)", or "n/a".</summary>
    /// <param name="requirement">The requirement.</param>
    /// <returns>The text.</returns>
    public static string Value(ResultsRequirement requirement) =>
        requirement.Total == 0 || requirement.Measured is null
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{KpiRequirement.Percent((double)requirement.Count / requirement.Total)} ({requirement.Count}/{requirement.Total})");

    /// <summary>Formats a p-value: "0.0312", "&lt;0.0001".</summary>
    /// <param name="p">The p-value, or null.</param>
    /// <returns>The text.</returns>
    public static string P(double? p) =>
        p is not { } value ? "–" : value < 0.0001 ? "<0.0001" : value.ToString("0.####", CultureInfo.InvariantCulture);

    // "Expected the redaction rate to be at least 99% ..., but it was 97.3% (292/300, ...)." without the case list.
    private static string FirstSentence(string? message)
    {
        var line = (message ?? "no message").Split('\n', 2)[0].Trim();
        var end = line.IndexOf("). ", StringComparison.Ordinal);
        line = end > 0 ? line[..(end + 2)] : line;
        return line.Length > 300 ? line[..297] + "..." : line;
    }
}
