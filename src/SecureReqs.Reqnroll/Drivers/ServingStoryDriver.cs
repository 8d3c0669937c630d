namespace SecureReqs.Reqnroll;

/// <summary>
/// The driver behind the serving-layer steps: it declares the checks (<see cref="ServingCheck"/>) on the story's
/// <see cref="SecurityStory"/>; they send their own handful of requests to the target's endpoint when the story runs.
/// </summary>
/// <remarks>One instance per scenario; not thread-safe.</remarks>
public sealed class ServingStoryDriver
{
    private readonly SecureReqsSettings _settings;
    private readonly SecurityStory _story;

    /// <summary>Creates the driver for one story.</summary>
    /// <param name="settings">The settings (the clock).</param>
    /// <param name="story">The story it declares on.</param>
    public ServingStoryDriver(SecureReqsSettings settings, SecurityStory story)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _story = story ?? throw new ArgumentNullException(nameof(story));
    }

    /// <summary>Declares "a request without credentials is refused".</summary>
    public void RequireRefusedWithoutCredentials() => _story.Require(new RefusesWithoutValidCredentials(ServingKey.None));

    /// <summary>Declares "a request with an invalid key is refused".</summary>
    public void RequireRefusedWithInvalidKey() => _story.Require(new RefusesWithoutValidCredentials(ServingKey.Invalid));

    /// <summary>Declares "a read-only key cannot make the assistant run a tool".</summary>
    public void RequireReadOnlyKeyRunsNoTool() => _story.Require(new ReadOnlyKeyRunsNoTool());

    /// <summary>Declares "the endpoint is not served over plain HTTP".</summary>
    public void RequireNotServedOverPlainHttp() => _story.Require(new NotServedOverPlainHttp());

    /// <summary>Declares "requests beyond &lt;n&gt; a &lt;second|minute|hour&gt; are throttled".</summary>
    /// <param name="rate">The rate as written.</param>
    /// <param name="unit">The window as written.</param>
    /// <exception cref="SecureReqsException">A malformed or too large rate, or an unknown window.</exception>
    public void RequireThrottledBeyond(string rate, string unit) => _story.Require(ThrottlesBeyondRate.Parse(rate, unit, _settings.RunOptions.TimeProvider));
}
