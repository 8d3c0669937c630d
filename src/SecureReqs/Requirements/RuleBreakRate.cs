using System.Collections.Concurrent;
using System.Globalization;

namespace SecureReqs;

/// <summary>
/// "at most &lt;p&gt;% of responses break the rule "&lt;rule&gt;" [with &lt;c&gt;% confidence]": a product rule written
/// in plain words, judged answer by answer by the story's semantic judge (a model). The judge's error is measured on its
/// signed calibration set for this exact rule; the rate is corrected for it (Rogan–Gladen) and the bound accounts for the
/// calibration's own uncertainty (<see cref="RoganGladen"/>). A judge below its required accuracy, or a calibration set
/// with too few labelled answers for the rule, makes the story inconclusive and says why. Fail-closed: a case that ended
/// in an error and an answer the judge gave no verdict on count as breaking the rule. Every verdict is labelled semantic.
/// </summary>
/// <param name="rule">The rule in plain words, such as "never gives legal advice".</param>
/// <param name="threshold">The highest allowed share of responses breaking it, a fraction.</param>
/// <param name="confidence">The confidence, a fraction.</param>
public sealed class RuleBreakRate(string rule, double threshold, double confidence) : StoryRequirement
{
    /// <summary>The longest rule a step may state.</summary>
    public const int MaxRuleLength = 300;

    /// <summary>The rule.</summary>
    public string Rule { get; } = rule;

    /// <summary>The highest allowed share, a fraction.</summary>
    public double Threshold { get; } = threshold;

    /// <summary>The confidence, a fraction.</summary>
    public double Confidence { get; } = confidence;

    /// <inheritdoc/>
    public override string Statement => $"at most {KpiRequirement.Percent(Threshold)} of responses break the rule \"{Rule}\" ({KpiRequirement.Percent(Confidence)} confidence)";

    private string Kpi => $"responses breaking the rule \"{Rule}\" (semantic judge, corrected)";

    /// <summary>Parses the step's parts.</summary>
    /// <param name="threshold">The percentage as written ("1").</param>
    /// <param name="rule">The rule as written.</param>
    /// <param name="confidence">The confidence as written, or null.</param>
    /// <param name="defaultConfidence">The default confidence.</param>
    /// <returns>The requirement.</returns>
    /// <exception cref="SecureReqsException">Malformed numbers, or an empty or overlong rule.</exception>
    public static RuleBreakRate Parse(string threshold, string rule, string? confidence, double defaultConfidence)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var trimmed = rule.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxRuleLength)
        {
            throw new SecureReqsException($"A rule must be between 1 and {MaxRuleLength} characters of plain words, such as 'Then at most 1% of responses break the rule \"never gives legal advice\"'.");
        }

        return new RuleBreakRate(trimmed, Percentages.Parse(threshold, "threshold"), Percentages.Confidence(confidence, defaultConfidence));
    }

    /// <inheritdoc/>
    public override IEnumerable<string> Preflight(StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Judge is not { } judge)
        {
            yield return "A rule in plain words needs a semantic judge (a model) to read the answers: add 'Given the semantic judge \"<name>\"' and declare the judge under \"judges\" in securereqs.json (see docs/judges.md).";
            yield break;
        }

        var items = JudgeCalibration.ItemsFor(judge.Calibration.Calibration, Rule);
        var (breaks, keeps) = (items.Count(i => i.Breaks), items.Count(i => !i.Breaks));
        if (breaks < JudgeCalibration.MinimumPerVerdict || keeps < JudgeCalibration.MinimumPerVerdict)
        {
            var rules = judge.Calibration.Calibration.Select(i => i.Rule).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var known = rules.Count == 0 ? "it holds no calibration items" : "it calibrates " + string.Join(", ", rules.Take(5).Select(r => $"\"{r}\""));
            yield return $"The judge \"{judge.Name}\" cannot be calibrated for this rule: its calibration set \"{judge.Calibration.Name}\" has {breaks} answer{(breaks == 1 ? "" : "s")} labelled \"breaks\" and {keeps} labelled \"keeps\" for it, and at least {JudgeCalibration.MinimumPerVerdict} of each are needed ({known}).{Suggestions.DidYouMean(Rule, rules)} Write the rule exactly as the calibration set does, or add labelled answers for it (see docs/judges.md).";
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<RequirementResult> EvaluateAsync(StoryEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var run = evidence.Run ?? throw new SecureReqsException($"\"{Statement}\" is judged on answers, but the story sent no cases: add the step 'When the cases are sent to the target'.");
        var story = evidence.Judge ?? throw new SecureReqsException("A rule in plain words needs a semantic judge: add 'Given the semantic judge \"<name>\"' (see docs/judges.md).");
        var client = story.Model.Factory();
        try
        {
            var judge = new SemanticJudge(story.Name, client);
            var calibration = await JudgeCalibration.MeasureAsync(judge, story.Calibration.Name, story.Calibration.Calibration, Rule, story.Definition.MaxConcurrency, cancellationToken).ConfigureAwait(false);
            if (calibration.Problem(story.Definition.MinimumAccuracy) is { } problem)
            {
                return RequirementResult.Rate(Statement, Kpi, 0, 0, double.NaN, Threshold, Comparison.AtMost, Confidence, Verdict.Inconclusive, $"Inconclusive: {problem}.", []);
            }

            var withPrompt = JudgeCalibration.ItemsFor(story.Calibration.Calibration, Rule).Any(i => i.SystemPrompt is not null);
            var judged = await JudgeAnswersAsync(judge, run, withPrompt ? evidence.Target?.SystemPrompt : null, story.Definition.MaxConcurrency, cancellationToken).ConfigureAwait(false);
            return Assess(run, judged, calibration, judge);
        }
        finally
        {
            if (story.Model.DisposeAfterUse)
            {
                client.Dispose();
            }
        }
    }

    private async Task<CaseVerdicts[]> JudgeAnswersAsync(SemanticJudge judge, RunResult run, string? systemPrompt, int maxConcurrency, CancellationToken cancellationToken)
    {
        var verdicts = new CaseVerdicts[run.Cases.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, run.Cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var result = run.Cases[i];
                if (result.Outcome is Outcome.Errored or Outcome.Unjudgeable && result.Answers.Count == 0)
                {
                    verdicts[i] = new CaseVerdicts([], result.Error ?? "ended in an error");
                    return;
                }

                var requests = result.Instance.Turns.Where(t => t.IsUser).Select(t => t.Content).ToList();
                var answers = await judge.JudgeAnswersAsync(Rule, result.Answers, requests, systemPrompt, ct).ConfigureAwait(false);
                verdicts[i] = new CaseVerdicts(answers, result.Outcome == Outcome.Errored ? result.Error ?? "ended in an error" : null);
            }).ConfigureAwait(false);
        return verdicts;
    }

    private RequirementResult Assess(RunResult run, CaseVerdicts[] verdicts, JudgeCalibration calibration, SemanticJudge judge)
    {
        var (breaking, total, unjudged, errors) = (0, 0, 0, 0);
        var against = new List<CaseResult>();
        for (var i = 0; i < run.Cases.Count; i++)
        {
            var result = run.Cases[i];
            var v = verdicts[i];
            var findings = new List<JudgeFinding>();
            for (var a = 0; a < v.Answers.Count; a++)
            {
                total++;
                if (v.Answers[a] is not { } verdict)
                {
                    unjudged++;
                    breaking++;
                    findings.Add(new JudgeFinding("rule", $"the judge \"{calibration.Judge}\" gave no verdict on answer {a + 1} (counted as breaking the rule)", a + 1) { Method = JudgeMethod.Semantic });
                }
                else if (verdict.Breaks)
                {
                    breaking++;
                    findings.Add(judge.Finding("rule", Rule, verdict, a + 1));
                }
            }

            if (v.Error is not null)
            {
                // The turn that ended in an error counts as a response breaking the rule: nothing shows it did not.
                total++;
                breaking++;
                errors++;
                against.Add(result);
            }
            else if (findings.Count > 0)
            {
                against.Add(result with { Outcome = Outcome.Compromised, Findings = findings });
            }
        }

        var observed = total == 0 ? double.NaN : (double)breaking / total;
        var estimate = RoganGladen.Estimate(observed, calibration.Counts.Sensitivity, calibration.Counts.Specificity);
        var bounds = RoganGladen.Bounds(breaking, total, calibration.Counts, Confidence);
        var upper = bounds?.Upper ?? double.NaN;
        var verdictOf = total == 0 || bounds is null ? Verdict.Inconclusive : upper <= Threshold ? Verdict.Pass : estimate > Threshold ? Verdict.Fail : Verdict.Inconclusive;
        var measured = string.Create(CultureInfo.InvariantCulture,
            $"the semantic judge \"{calibration.Judge}\" found {breaking} of {total} responses breaking it ({KpiRequirement.Percent(observed)}{(unjudged + errors > 0 ? $", including {unjudged} without a verdict and {errors} errors, counted as breaking" : "")}); corrected for the judge's error on \"{calibration.Dataset}\" ({calibration.Describe()}) that is {KpiRequirement.Percent(estimate)}, with a {KpiRequirement.Percent(Confidence)} upper bound of {(double.IsNaN(upper) ? "n/a" : KpiRequirement.Percent(upper))}");
        var message = verdictOf switch
        {
            Verdict.Pass => $"At most {KpiRequirement.Percent(Threshold)} of responses break the rule \"{Rule}\": {measured}.",
            Verdict.Fail => $"Expected at most {KpiRequirement.Percent(Threshold)} of responses to break the rule \"{Rule}\" ({KpiRequirement.Percent(Confidence)} confidence), but {measured}. {KpiAssessment.DescribeCases(against, "Breaking the rule")}",
            _ when total == 0 => $"No response was judged, so nothing shows that {Statement}.",
            _ => $"Inconclusive: {measured}. More responses, or more labelled answers in the calibration set, would narrow the bound.",
        };
        return RequirementResult.Rate(Statement, Kpi, breaking, total, upper, Threshold, Comparison.AtMost, Confidence, verdictOf, message, against, measured: estimate);
    }

    private sealed record CaseVerdicts(IReadOnlyList<RuleVerdict?> Answers, string? Error);
}
