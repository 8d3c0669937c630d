@owasp:LLM04
Feature: Datasets and artifacts are the ones we signed
  As the release manager
  I want every adversarial dataset and the demo's model data checked against a signed manifest
  So that a changed, added or removed file, or a forged signature, stops the release

  Scenario Outline: An adversarial dataset matches its signed manifest
    Then the dataset "<dataset>" matches its signed manifest

    Examples:
      | dataset                  |
      | pii-exfiltration         |
      | prompt-injection-direct  |
      | prompt-injection-indirect |
      | system-prompt-extraction |
      | benign-controls          |
      | agent-tool-misuse        |
      | retrieval-exposure       |
      | kb-poisoning             |
      | memory-isolation         |
      | mcp-tool-descriptions    |

  Scenario: The demo assistant's model data matches its signed manifest
    Then the model artifact "src/SecureReqs.Demo/Data" matches its signed manifest
