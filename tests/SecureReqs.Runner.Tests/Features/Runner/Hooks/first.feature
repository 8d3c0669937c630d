@hooks
Feature: First
  Scenario: A
    Given the scenario is logged

  Scenario: B
    Given the scenario is logged
