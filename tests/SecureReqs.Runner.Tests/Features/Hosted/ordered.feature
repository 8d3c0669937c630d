@ordered
Feature: Ordered
  Scenario: First
    Given this is scenario 1 of the ordered feature

  Scenario: Second
    Given this is scenario 2 of the ordered feature

  Scenario Outline: Row <n>
    Given this is scenario <n> of the ordered feature

    Examples:
      | n  |
      | 3  |
      | 10 |
      | 11 |
