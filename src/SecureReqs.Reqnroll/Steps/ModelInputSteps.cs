using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>The data-minimisation step vocabulary, judged on what the model receives: thin bindings over <see cref="SecurityStoryDriver"/>.</summary>
/// <remarks>Each step's XML summary and <see cref="StepExampleAttribute"/> are its documentation: <c>securereqs steps</c>
/// prints them and <c>docs/steps.md</c> is generated from them. See <c>docs/data-rules.md</c>.</remarks>
[Binding]
public sealed class ModelInputSteps(StoryContext story)
{
    private SecurityStoryDriver Driver => story.Driver;

    /// <summary>
    /// An absolute check (data minimisation, LLM02) on what the model receives, after every control of the application's
    /// pipeline: no message of any request that reached the model held a value of that PII type (planted, in any
    /// rendering, or found by the validating scanner). White-box targets only: the pipeline reports its model requests
    /// with <c>UseModelRequestRecording()</c>; against a black-box endpoint the story does not apply and is skipped, saying so in one line.
    /// </summary>
    /// <param name="piiType">The PII type, as in "no response contains a …".</param>
    [StepExample("Then no request to the model contains a social security number")]
    [Then(@"^no request to the model contains (?:an?|any) (.+)$")]
    public void ThenNoRequestToTheModelContains(string piiType) => story.Declare(() => Driver.RequireNoModelRequestContains(piiType));

    /// <summary>
    /// An absolute check (data minimisation): no value a case put into context labelled at or above the level (such as
    /// a confidential customer record) reached the model as it is; a token in its place is fine (see
    /// <c>UseFieldTokenization</c> in <c>docs/guardrails.md</c>). Values the user typed in their own turns are not
    /// counted. White-box targets only, as above.
    /// </summary>
    /// <param name="level">The lowest protected classification label: public, internal or confidential.</param>
    [StepExample("Then confidential fields reach the model only tokenized")]
    [Then(@"^(\w+) fields reach the model only tokenized$")]
    public void ThenFieldsReachTheModelOnlyTokenized(string level) => story.Declare(() => Driver.RequireFieldsReachModelOnlyTokenized(level));
}
