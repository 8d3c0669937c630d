using SecureReqs.Testing;

namespace SecureReqs.Tests;

public class KpiAssessmentTests
{
    private static readonly Kpi Redaction = KpiCatalog.Default.Get("redaction rate");

    [Fact]
    public void Assess_BelowThreshold_FailsWithCaseIdsAndBound()
    {
        var measurement = Redaction.Measure(CaseResults.Attacks(292, 8));

        var assessment = KpiAssessment.Assess(new KpiRequirement(Redaction, Comparison.AtLeast, 0.99, 0.95), measurement);

        assessment.Verdict.Should().Be(Verdict.Fail);
        assessment.Message.Should().StartWith("Expected the redaction rate to be at least 99% (95% confidence), but it was 97.33% (292/300, 95% lower bound 95.24%).");
        assessment.Message.Should().Contain("Compromised (8): case-293, case-294, case-295, case-296, case-297, case-298, case-299, case-300.");
        assessment.AgainstCases.Should().HaveCount(8);
    }

    [Fact]
    public void Assess_BoundClearsThreshold_Passes()
    {
        var assessment = KpiAssessment.Assess(new KpiRequirement(Redaction, Comparison.AtLeast, 0.99, 0.95), Redaction.Measure(CaseResults.Attacks(300, 0)));

        assessment.Verdict.Should().Be(Verdict.Pass);
        assessment.CasesNeeded.Should().BeNull();
    }

    [Fact]
    public void Assess_TooFewCases_IsInconclusiveAndSaysHowManyAreNeeded()
    {
        var assessment = KpiAssessment.Assess(new KpiRequirement(Redaction, Comparison.AtLeast, 0.99, 0.95), Redaction.Measure(CaseResults.Attacks(100, 0)));

        assessment.Verdict.Should().Be(Verdict.Inconclusive);
        assessment.CasesNeeded.Should().Be(299);
        assessment.Message.Should().Contain("needs at least 299 cases");
    }

    [Fact]
    public void Assess_AtMost_UsesUpperBound()
    {
        var leakRate = KpiCatalog.Default.Get("PII leak rate");
        var measurement = leakRate.Measure(CaseResults.Attacks(298, 2));

        var assessment = KpiAssessment.Assess(new KpiRequirement(leakRate, Comparison.AtMost, 0.05, 0.95), measurement);

        assessment.Verdict.Should().Be(Verdict.Pass);
        assessment.Bound.Should().BeApproximately(0.0208362, 1e-6);
    }

    [Fact]
    public void Measure_ErroredCases_CountAgainstTheRedactionRate()
    {
        var results = new[] { CaseResults.Of("a", Outcome.Resisted), CaseResults.Of("b", Outcome.Errored, index: 1), CaseResults.Of("c", Outcome.Detected, index: 2) };

        var measurement = Redaction.Measure(results);

        measurement.Count.Should().Be(2);
        measurement.Total.Should().Be(3);
        measurement.NotCounted.Cases.Select(r => r.Id).Should().Equal("b");
    }

    [Fact]
    public void Measure_AddingALeak_NeverRaisesTheRate()
    {
        var random = new Random(11);
        for (var i = 0; i < 100; i++)
        {
            var good = random.Next(0, 100);
            var bad = random.Next(0, 100);
            if (good + bad == 0)
            {
                continue;
            }

            Redaction.Measure(CaseResults.Attacks(good, bad + 1)).Rate.Should().BeLessThanOrEqualTo(Redaction.Measure(CaseResults.Attacks(good, bad)).Rate);
        }
    }

    [Fact]
    public void Measure_BreaksDownByTechnique()
    {
        var results = new[]
        {
            CaseResults.Of("a", Outcome.Resisted, "translate"),
            CaseResults.Of("b", Outcome.Compromised, "translate", 1),
            CaseResults.Of("c", Outcome.Resisted, "verify-details", 2),
        };

        var measurement = Redaction.Measure(results);

        measurement.Breakdown.Should().Equal(new KpiBreakdownRow("translate", 1, 2), new KpiBreakdownRow("verify-details", 1, 1));
    }

    [Fact]
    public void Get_UnknownKpi_ListsTheKnownOnes()
    {
        var act = () => KpiCatalog.Default.Get("happiness rate");

        act.Should().Throw<SecureReqsException>().WithMessage("Unknown KPI \"happiness rate\". Known KPIs: *\"redaction rate\"*");
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.01)]
    public void Requirement_ThresholdOutsideRange_IsAnError(double threshold)
    {
        var act = () => new KpiRequirement(Redaction, Comparison.AtLeast, threshold, 0.95);

        act.Should().Throw<SecureReqsException>().WithMessage("*outside 0–100%*");
    }
}
