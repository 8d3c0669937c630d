Feature: Skipping
  Scenario: A binding skips
    Given the binding skips
