@hooks
Feature: Second
  Scenario: C
    Given the scenario is logged
