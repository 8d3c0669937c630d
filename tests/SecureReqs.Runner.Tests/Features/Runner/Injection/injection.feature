Feature: Injection
  Scenario: Host object reaches a binding
    Given the host probe is touched
