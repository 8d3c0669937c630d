Feature: Good
  Scenario: Still runs
    Given a calculator
    When I add 1
    Then the result is 1
