using System.Text.RegularExpressions;
using SecureReqs.Reqnroll;

namespace SecureReqs.Tests;

public class StepVocabularyTests
{
    private static readonly IReadOnlyList<StepDescriptor> Steps = StepVocabulary.Discover();

    [Fact]
    public void Discover_ReadsTheBindingAttributes()
    {
        Steps.Should().Contain(s => s.Keyword == "Given" && s.Expression == @"^the target ""([^""]*)""$" && s.Binding == "SecuritySteps.GivenTheTarget");
        Steps.Should().Contain(s => s.Keyword == "When" && s.Binding == "SecuritySteps.WhenTheCasesAreSent");
        Steps.Should().OnlyContain(s => s.IsRegex);
        Steps.Select(s => s.Keyword).Should().StartWith("Given");
    }

    [Fact]
    public void Discover_EveryStepHasAMeaningFromItsXmlSummary()
    {
        Steps.Should().OnlyContain(s => s.Summary.Length > 20, "every binding documents its meaning in its XML summary");
        Steps.Single(s => s.Binding == "SecuritySteps.GivenTheTarget").Summary.Should().StartWith("The system under test: a target registered in code (`TargetRegistry.Shared.Add(...)`)");
    }

    [Fact]
    public void Discover_EveryExampleMatchesItsOwnStep()
    {
        Steps.SelectMany(s => s.Examples).Should().HaveCountGreaterThan(Steps.Count - 1);
        foreach (var step in Steps)
        {
            foreach (var example in step.Examples)
            {
                example.Should().StartWith(step.Keyword + " ");
                Regex.IsMatch(example[(step.Keyword.Length + 1)..], step.Expression).Should().BeTrue($"the example \"{example}\" must match {step.Expression}");
            }
        }
    }

    [Fact]
    public void RenderMarkdown_EscapesPipesInsideTables()
    {
        var markdown = StepVocabulary.RenderMarkdown(Steps);

        markdown.Should().Contain(@"`^the (?:adversarial\|benign) dataset");
        markdown.Should().Contain("| `Then the redaction rate is at least 99% with 95% confidence`<br>`Then the over-blocking rate is at most 2%` |");
    }
}
