namespace SecureReqs.Tests;

public class KpiRequirementTests
{
    private static readonly Kpi Redaction = KpiCatalog.Default.Get("redaction rate");

    [Fact]
    public void SampleSizeWarning_OneCaseShortOfThePlan_SaysHowManyAreNeeded()
    {
        var requirement = new KpiRequirement(Redaction, Comparison.AtLeast, 0.99, 0.95);

        var warning = requirement.SampleSizeWarning(298);

        requirement.MinimumCases.Should().Be(299);
        warning.Should().Be("The dataset is too small to ever show the redaction rate at least 99% (95% confidence): the KPI is measured over 298 cases, and even a perfect result needs at least 299. Add 1 more case to the dataset or relax the requirement (see 'securereqs plan').");
    }

    [Fact]
    public void SampleSizeWarning_EnoughCases_IsNull()
    {
        new KpiRequirement(Redaction, Comparison.AtLeast, 0.99, 0.95).SampleSizeWarning(299).Should().BeNull();
    }

    [Fact]
    public void SampleSizeWarning_AtMostZeroPercent_CanNeverBeShown()
    {
        var requirement = new KpiRequirement(KpiCatalog.Default.Get("attack success rate"), Comparison.AtMost, 0, 0.95);

        requirement.MinimumCases.Should().BeNull();
        requirement.SampleSizeWarning(1_000_000).Should().StartWith("No number of cases can show the attack success rate at most 0% (95% confidence)");
    }

    [Fact]
    public void RequirementResult_FromTooSmallRun_CarriesTheWarning()
    {
        var requirement = new KpiRequirement(Redaction, Comparison.AtLeast, 0.99, 0.95);

        var result = RequirementResult.From(KpiAssessment.Assess(requirement, Redaction.Measure(Testing.CaseResults.Attacks(50, 0))));

        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Warning.Should().Contain("measured over 50 cases").And.Contain("at least 299");
    }
}
