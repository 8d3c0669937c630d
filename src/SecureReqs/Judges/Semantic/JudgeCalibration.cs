namespace SecureReqs;

/// <summary>
/// What a semantic judge is measured to get right under one rule: its verdicts on the labelled answers of a
/// calibration set, compared with a person's. A judge that gives no usable verdict on an item is counted wrong on it.
/// </summary>
/// <param name="Judge">The judge's name.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Dataset">The calibration set's name.</param>
/// <param name="Counts">The judge's hits per class.</param>
public sealed record JudgeCalibration(string Judge, string Rule, string Dataset, CalibrationCounts Counts)
{
    /// <summary>The fewest labelled answers of each verdict (breaks, keeps) a rule needs before a judge's error on it can be measured.</summary>
    public const int MinimumPerVerdict = 20;

    /// <summary>The default lowest sensitivity and specificity a judge may have on its calibration set.</summary>
    public const double DefaultMinimumAccuracy = 0.9;

    /// <summary>The items the judge got wrong, as "id (person: breaks, judge: keeps)", for evidence.</summary>
    public IReadOnlyList<string> Misjudged { get; init; } = [];

    /// <summary>How many items the judge gave no usable verdict on (counted wrong).</summary>
    public int Unjudged { get; init; }

    /// <summary>The items of <paramref name="items"/> that are about <paramref name="rule"/> (same words, ignoring case,
    /// spacing and a final full stop).</summary>
    /// <param name="items">Calibration items.</param>
    /// <param name="rule">The rule as a story writes it.</param>
    /// <returns>The matching items.</returns>
    public static IReadOnlyList<CalibrationItem> ItemsFor(IEnumerable<CalibrationItem> items, string rule) =>
        [.. items.Where(i => Key(i.Rule) == Key(rule))];

    /// <summary>Runs the judge over the calibration items of one rule.</summary>
    /// <param name="judge">The judge.</param>
    /// <param name="dataset">The calibration set's name, for evidence.</param>
    /// <param name="items">The set's items (only those about <paramref name="rule"/> are used).</param>
    /// <param name="rule">The rule.</param>
    /// <param name="maxConcurrency">How many judge requests may be in flight.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The calibration.</returns>
    public static async Task<JudgeCalibration> MeasureAsync(SemanticJudge judge, string dataset, IEnumerable<CalibrationItem> items, string rule, int maxConcurrency = 4, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        var relevant = ItemsFor(items, rule);
        var verdicts = new bool?[relevant.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, relevant.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var item = relevant[i];
                try
                {
                    verdicts[i] = (await judge.JudgeAsync(new RuleQuestion(item.Rule, item.Answer) { Request = item.Request, SystemPrompt = item.SystemPrompt }, ct).ConfigureAwait(false)).Breaks;
                }
                catch (UnjudgeableException)
                {
                    verdicts[i] = null;
                }
            }).ConfigureAwait(false);

        var misjudged = new List<string>();
        for (var i = 0; i < relevant.Count; i++)
        {
            if (verdicts[i] != relevant[i].Breaks)
            {
                misjudged.Add($"{relevant[i].Id} (person: {Word(relevant[i].Breaks)}, judge: {(verdicts[i] is { } v ? Word(v) : "no verdict")})");
            }
        }

        var counts = new CalibrationCounts(
            relevant.Where((item, i) => item.Breaks && verdicts[i] == true).Count(),
            relevant.Count(item => item.Breaks),
            relevant.Where((item, i) => !item.Breaks && verdicts[i] == false).Count(),
            relevant.Count(item => !item.Breaks));
        return new JudgeCalibration(judge.Name, rule, dataset, counts) { Misjudged = misjudged, Unjudged = verdicts.Count(v => v is null) };
    }

    /// <summary>Why the judge cannot be trusted under this rule, or null when it can: too few labelled answers of either
    /// verdict, or a sensitivity or specificity below <paramref name="minimumAccuracy"/>.</summary>
    /// <param name="minimumAccuracy">The lowest sensitivity and specificity allowed.</param>
    /// <returns>The reason, naming the fix, or null.</returns>
    public string? Problem(double minimumAccuracy)
    {
        if (Counts.Positives < MinimumPerVerdict || Counts.Negatives < MinimumPerVerdict)
        {
            return $"the calibration set \"{Dataset}\" has {Counts.Positives} answer{(Counts.Positives == 1 ? "" : "s")} labelled \"breaks\" and {Counts.Negatives} labelled \"keeps\" for the rule \"{Rule}\"; at least {MinimumPerVerdict} of each are needed to measure the judge's error (add labelled answers for this exact rule, see docs/judges.md)";
        }

        if (Counts.Sensitivity < minimumAccuracy || Counts.Specificity < minimumAccuracy)
        {
            return $"the judge \"{Judge}\" is below the required accuracy of {KpiRequirement.Percent(minimumAccuracy)} on \"{Dataset}\" for the rule \"{Rule}\": {Describe()}; its verdicts cannot decide the story (use a stronger judge model or a clearer rule)";
        }

        return null;
    }

    /// <summary>The measured sensitivity and specificity with their counts, for messages.</summary>
    /// <returns>Such as "sensitivity 96% (48/50), specificity 98% (49/50)".</returns>
    public string Describe() =>
        $"sensitivity {KpiRequirement.Percent(Counts.Sensitivity)} ({Counts.TruePositives}/{Counts.Positives}), specificity {KpiRequirement.Percent(Counts.Specificity)} ({Counts.TrueNegatives}/{Counts.Negatives})"
        + (Unjudged > 0 ? $", {Unjudged} item{(Unjudged == 1 ? "" : "s")} without a verdict counted wrong" : "");

    private static string Word(bool breaks) => breaks ? CalibrationLoader.Breaks : CalibrationLoader.Keeps;

    private static string Key(string rule) => string.Join(' ', rule.Trim().TrimEnd('.').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
