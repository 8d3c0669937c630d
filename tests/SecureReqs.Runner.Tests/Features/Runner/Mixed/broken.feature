Feature: Broken
  Scenario: Cannot parse
    Given a calculator
  This line is not Gherkin
