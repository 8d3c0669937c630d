namespace SecureReqs.Tests;

public class ReleaseGateTests
{
    [Fact]
    public void Evaluate_EveryStoryPassedNoBaseline_Passes()
    {
        var gate = ReleaseGate.Evaluate(Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 2, 400))));

        gate.Passed.Should().BeTrue();
        gate.Rows.Should().ContainSingle().Which.Change.Should().Be(KpiChange.NotCompared);
    }

    [Theory]
    [InlineData(StoryStatus.Failed, "FAILED")]
    [InlineData(StoryStatus.Inconclusive, "INCONCLUSIVE")]
    [InlineData(StoryStatus.Error, "ERROR")]
    public void Evaluate_StoryDidNotPass_Fails(StoryStatus status, string reason)
    {
        var gate = ReleaseGate.Evaluate(Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 2, 400)), Story("Leaks", status, AtLeast("redaction rate", 290, 300) with { Verdict = Verdict.Fail, Message = "Expected the redaction rate to be at least 99%, but it was 96.67% (290/300). Compromised (10): a, b." }) with { Message = "Scenario \"Leaks\" failed at step ...\nmore" }));

        gate.Passed.Should().BeFalse();
        gate.Failures.Should().ContainSingle().Which.Should().Be($"{reason}: F: Leaks (a.feature:4): Expected the redaction rate to be at least 99%, but it was 96.67% (290/300).");
    }

    [Fact]
    public void Evaluate_BaselineHidesARegression_FailsAlthoughTheThresholdStillHolds()
    {
        // Both runs pass "attack success rate at most 10%": 2 of 400 attacks succeeded before, 20 of 400 now.
        var baseline = Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 2, 400)));
        var current = Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 20, 400)));

        var gate = ReleaseGate.Evaluate(current, baseline);

        gate.Passed.Should().BeFalse();
        var row = gate.Rows.Should().ContainSingle().Subject;
        row.Should().BeEquivalentTo(new { Change = KpiChange.Regressed, Baseline = "0.5% (2/400)", Current = "5% (20/400)", Difference = "+4.5 pts", Verdict = (Verdict?)Verdict.Pass });
        row.PValue.Should().BeApproximately(4.965e-05, 1e-7);
        gate.Failures.Should().ContainSingle().Which.Should().StartWith("REGRESSED: F: Cards — the attack success rate went from 0.5% (2/400) to 5% (20/400) (one-sided Fisher exact p = <0.0001, below 5%), although it still clears its threshold.");
    }

    [Fact]
    public void Evaluate_SmallChange_IsWorseButNotARegression()
    {
        var gate = ReleaseGate.Evaluate(
            Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 14, 400))),
            Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 10, 400))));

        gate.Passed.Should().BeTrue();
        gate.Rows.Single().Change.Should().Be(KpiChange.Worse);
        gate.Rows.Single().PValue.Should().BeApproximately(0.2675, 1e-4);
    }

    [Fact]
    public void Evaluate_AtLeastKpiDropped_CountsFailuresAsTheBadSide()
    {
        var gate = ReleaseGate.Evaluate(
            Results(Story("Cards", StoryStatus.Passed, AtLeast("redaction rate", 295, 300))),
            Results(Story("Cards", StoryStatus.Passed, AtLeast("redaction rate", 300, 300))));

        gate.Rows.Single().Change.Should().Be(KpiChange.Regressed);
        gate.Rows.Single().PValue.Should().BeApproximately(0.0307, 1e-4);
        gate.Rows.Single().Difference.Should().Be("-1.67 pts");
    }

    [Fact]
    public void Evaluate_Improvement_IsReportedAndPasses()
    {
        var gate = ReleaseGate.Evaluate(
            Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 2, 400))),
            Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 20, 400))));

        gate.Passed.Should().BeTrue();
        gate.Rows.Single().Change.Should().Be(KpiChange.Improved);
    }

    [Fact]
    public void Evaluate_StoryGoneSinceBaseline_IsNotedAndListed()
    {
        var gate = ReleaseGate.Evaluate(
            Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 2, 400))),
            Results(Story("Cards", StoryStatus.Passed, AtMost("attack success rate", 2, 400)), Story("Prompts", StoryStatus.Passed, AtMost("system prompt leakage rate", 0, 200))));

        gate.Passed.Should().BeTrue();
        gate.Notes.Should().ContainSingle().Which.Should().StartWith("F: Prompts (a.feature) is in the baseline but not in this run");
        gate.Rows.Select(r => r.Change).Should().Equal(KpiChange.Unchanged, KpiChange.Removed);
    }

    [Fact]
    public void Evaluate_NothingPassed_Fails()
    {
        ReleaseGate.Evaluate(Results(Story("Wip", StoryStatus.Skipped))).Failures.Should().ContainSingle().Which.Should().StartWith("NO STORY PASSED");
    }

    private static ResultsFile Results(params ResultsStory[] stories) => new() { Schema = ResultsJsonWriter.Schema, Tool = ResultsJsonWriter.Tool, Complete = true, Interrupted = false, DryRun = false, Stories = stories, Path = "results.json" };

    private static ResultsStory Story(string scenario, StoryStatus status, params ResultsRequirement[] requirements) =>
        new() { File = "a.feature", Line = 4, Feature = "F", Scenario = scenario, Status = status, Requirements = requirements };

    private static ResultsRequirement AtMost(string kpi, int count, int total) => Requirement(kpi, Comparison.AtMost, 0.10, count, total);

    private static ResultsRequirement AtLeast(string kpi, int count, int total) => Requirement(kpi, Comparison.AtLeast, 0.95, count, total);

    private static ResultsRequirement Requirement(string kpi, Comparison comparison, double threshold, int count, int total) => new()
    {
        Requirement = $"{kpi} {(comparison == Comparison.AtLeast ? "at least" : "at most")} {KpiRequirement.Percent(threshold)} (95% confidence)",
        Kpi = kpi,
        Comparison = comparison,
        Threshold = threshold,
        Confidence = 0.95,
        Measured = (double)count / total,
        Count = count,
        Total = total,
        Verdict = Verdict.Pass,
    };
}
