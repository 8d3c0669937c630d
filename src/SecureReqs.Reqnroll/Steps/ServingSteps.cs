using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>The serving-layer step vocabulary: thin bindings over <see cref="ServingStoryDriver"/>.</summary>
/// <remarks>These checks need a deployed endpoint (a target declared in <c>securereqs.json</c>); a story that uses one
/// against an in-process target is skipped as not applicable, in one line. See <c>docs/configuration.md</c>.</remarks>
[Binding]
public sealed class ServingSteps(StoryContext story)
{
    private ServingStoryDriver Driver => story.Serving;

    /// <summary>
    /// An absolute serving-layer check of a deployed endpoint: three requests with no credential at all are each refused
    /// with HTTP 401 or 403. A 2xx answer fails; no answer or another status is inconclusive (an outage is not a refusal).
    /// Needs a target declared in <c>securereqs.json</c>; skipped as not applicable for an in-process target.
    /// </summary>
    [StepExample("Then a request without credentials is refused")]
    [Then(@"^a request without credentials is refused$")]
    public void ThenARequestWithoutCredentialsIsRefused() => story.Declare(Driver.RequireRefusedWithoutCredentials);

    /// <summary>
    /// An absolute serving-layer check: three requests with a well-formed key the server never issued are each refused
    /// with HTTP 401 or 403 (a 2xx fails; no answer or another status is inconclusive).
    /// </summary>
    [StepExample("Then a request with an invalid key is refused")]
    [Then(@"^a request with an invalid key is refused$")]
    public void ThenARequestWithAnInvalidKeyIsRefused() => story.Declare(Driver.RequireRefusedWithInvalidKey);

    /// <summary>
    /// An absolute serving-layer check: three requests asking for tools, sent with the target's read-only key
    /// (<c>"serving": { "readOnlyKey": "env:NAME" }</c>), make the assistant run no tool (its answers, read at
    /// <c>toolCallsPath</c>, report none as run, or the key is refused); the same requests with the target's own key
    /// must run a tool, or the check is inconclusive.
    /// </summary>
    [StepExample("Then a read-only key cannot make the assistant run a tool")]
    [Then(@"^a read-only key cannot make the assistant run a tool$")]
    public void ThenAReadOnlyKeyCannotMakeTheAssistantRunATool() => story.Declare(Driver.RequireReadOnlyKeyRunsNoTool);

    /// <summary>
    /// An absolute serving-layer check: one request without credentials to the endpoint's plain-HTTP address is
    /// redirected to <c>https://</c>, or refused at the connection (nothing listens for plain HTTP). Any other HTTP
    /// answer fails, a 401 included; a reset or a timeout is inconclusive.
    /// </summary>
    [StepExample("Then the endpoint is not served over plain HTTP")]
    [Then(@"^the endpoint is not served over plain HTTP$")]
    public void ThenTheEndpointIsNotServedOverPlainHttp() => story.Declare(Driver.RequireNotServedOverPlainHttp);

    /// <summary>
    /// An absolute serving-layer check: up to the rate plus 3 requests (at most 203) are sent one after another with the
    /// key the rate applies to (<c>"serving": { "rateLimitKey": "env:NAME" }</c>, else the target's key); an HTTP 429
    /// must come after at most that many accepted requests.
    /// </summary>
    /// <param name="rate">The declared rate.</param>
    /// <param name="unit">second, minute or hour.</param>
    [StepExample("Then requests beyond 20 a minute are throttled")]
    [Then(@"^requests beyond (\S+) (?:a|an|per) (\S+) are throttled$")]
    public void ThenRequestsBeyondARateAreThrottled(string rate, string unit) => story.Declare(() => Driver.RequireThrottledBeyond(rate, unit));
}
