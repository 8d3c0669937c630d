namespace SecureReqs.Runner;

/// <summary>Which <c>ITestRunner</c> step method a Gherkin step is sent to.</summary>
internal enum StepKind
{
    Given,
    When,
    Then,
    And,
    But,
}
