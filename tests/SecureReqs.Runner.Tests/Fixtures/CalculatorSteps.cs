using Reqnroll;

namespace SecureReqs.Runner.Tests.Fixtures;

[Binding]
public sealed class CalculatorSteps(Calculator calculator, RunLog log)
{
    [Given("a calculator")]
    public void GivenACalculator() => calculator.Result = 0;

    [StepDefinition("the calculator is ready")]
    public void GivenTheCalculatorIsReady() => log.Add("ready");

    [Given("I enter {int}")]
    public void GivenIEnter(int value) => calculator.Result = value;

    [When("I add {int}")]
    public void WhenIAdd(int value) => calculator.Result += value;

    [When("I subtract {int}")]
    public void WhenISubtract(int value) => calculator.Result -= value;

    [Then("the result is {int}")]
    public void ThenTheResultIs(int expected)
    {
        if (calculator.Result != expected)
        {
            throw new InvalidOperationException($"Expected the result to be {expected}, but it was {calculator.Result}.");
        }
    }

    [Then("the result is not {int}")]
    public void ThenTheResultIsNot(int unexpected) => log.Add($"not:{unexpected}:{calculator.Result != unexpected}");

    [Then("the note is:")]
    public void ThenTheNoteIs(string note) => log.Add($"note:{note}");

    [Then("the table is:")]
    public void ThenTheTableIs(Table table) =>
        log.Add("table:" + string.Join(",", table.Header) + ";" + string.Join(";", table.Rows.Select(row => string.Join(",", row.Values))));

    [Given("the feature background ran")]
    public void GivenTheFeatureBackgroundRan() => log.Add("feature-background");

    [Given("the rule background ran")]
    public void GivenTheRuleBackgroundRan() => log.Add("rule-background");
}
