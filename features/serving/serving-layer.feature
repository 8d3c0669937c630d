@serving @nist:MEASURE-2.7
Feature: The deployed assistant's endpoint only serves identified callers, over HTTPS, within their rights and rate
  As the product owner of the support assistant
  I want the deployed endpoint checked for the serving-layer gaps that no model behaviour can make up for
  So that a single missing authentication check, a key with too much power, plain-HTTP traffic or an unthrottled caller
  stops the release

  These checks send a handful of requests of their own to a deployed HTTP endpoint (a target declared in
  securereqs.json). Against the in-process demo they do not apply, and the run says so in one line per story.
  Run them with: securereqs run --config samples/endpoint/securereqs.json --target demo-http-guarded

  Background:
    Given the target "demo:guarded"

  Scenario: Only callers with a valid key are served
    Then a request without credentials is refused
    And a request with an invalid key is refused

  Scenario: A read-only key cannot make the assistant act
    Then a read-only key cannot make the assistant run a tool

  Scenario: The endpoint is only served over HTTPS
    Then the endpoint is not served over plain HTTP

  @owasp:LLM10
  Scenario: One caller cannot flood the assistant
    Then requests beyond 20 a minute are throttled
