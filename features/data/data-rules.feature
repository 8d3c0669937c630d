@owasp:LLM02 @nist:MEASURE-2.10 @iso42001:A.7.4 @iso42001:A.7.5 @data-rules
Feature: Customer data files follow our classification, retention and provenance rules
  As the data owner of the support assistant
  I want every customer data file we feed the assistant judged against our own classification levels
  So that confidential values are masked, nothing is kept longer than we promised, and nothing comes from an unknown source

  The files are snapshots exported on 2026-12-01, so their retention is judged as of that day; a story over live data
  leaves that step out and is judged as of the day it runs.

  Background:
    Given the classification levels are public, internal, confidential and restricted
    And the vetted sources are "crm-export", "loyalty-signup" and "support-tickets-2026Q3"
    And the data is judged as of 2026-12-01

  Scenario: Customer profiles (JSON Lines) keep the data rules
    Given the data file "features/data/records/customer-profiles.jsonl" with the fields:
      | field      | classification |
      | id         | internal       |
      | tier       | internal       |
      | contact    | confidential   |
      | card       | restricted     |
      | ssn        | restricted     |
      | notes      | confidential   |
      | label      | internal       |
      | updated_at | internal       |
      | source     | internal       |
    And each record's classification is in the field "label"
    And each record's date is in the field "updated_at"
    And each record's source is in the field "source"
    Then no record labelled confidential holds an unmasked value
    And no record is older than 365 days
    And every record comes from a vetted source

  Scenario: The CRM export (CSV) keeps the data rules
    Given the data file "features/data/records/crm-export.csv" with the fields:
      | field       | classification |
      | customer_id | internal       |
      | segment     | internal       |
      | email       | confidential   |
      | phone       | confidential   |
      | iban        | restricted     |
      | created_at  | internal       |
      | source      | internal       |
    And each record's date is in the field "created_at"
    And each record's source is in the field "source"
    Then no record labelled confidential holds an unmasked value
    And no record is older than 365 days
    And every record comes from a vetted source
