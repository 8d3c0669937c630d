@owasp:LLM02 @owasp:LLM04
Feature: Fine-tuning data is clean and traceable
  As the data owner of the support assistant
  I want every fine-tuning record free of personal data and injected instructions, and traceable to its source
  So that the model cannot learn to leak customers' data or to obey planted instructions

  Scenario: The support fine-tuning sample passes the data-loss and provenance checks
    Given the training dataset "features/data/training/support-finetune.jsonl"
    Then no record contains unmasked PII
    And no record contains an instruction-injection payload
    And every record has provenance
