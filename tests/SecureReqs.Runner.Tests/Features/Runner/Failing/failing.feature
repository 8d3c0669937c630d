Feature: Failing
  Scenario: Wrong sum
    Given a calculator
    And I enter 2
    When I add 2
    Then the result is 5
    And the calculator is ready

  Scenario: Missing step
    Given a calculator
    When a step nobody wrote
