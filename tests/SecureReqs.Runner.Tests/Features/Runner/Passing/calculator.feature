@calc
Feature: Calculator
  Adds and subtracts small numbers.

  Background:
    Given the feature background ran
    And a calculator

  Scenario: Adding two numbers
    Given I enter 2
    When I add 3
    Then the result is 5
    * the calculator is ready

  @outline @owasp:LLM02
  Scenario Outline: Adding <a> and <b>
    Given I enter <a>
    When I add <b>
    Then the result is <sum>
    And the note is:
      """
      <a> plus <b>
      """
    And the table is:
      | left | right |
      | <a>  | <b>   |

    Examples:
      | a | b | sum |
      | 1 | 2 | 3   |
      | 2 | 2 | 4   |

  @ignore
  Scenario: Not ready yet
    Given a step nobody wrote

  @subtraction
  Rule: Subtraction
    Background:
      Given the rule background ran

    Scenario: Subtracting
      Given I enter 5
      When I subtract 2
      Then the result is 3
      But the result is not 4
