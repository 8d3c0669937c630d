using System.Globalization;
using System.Text.RegularExpressions;
using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>The security step vocabulary: thin bindings over <see cref="SecurityStoryDriver"/>.</summary>
[Binding]
public sealed class SecuritySteps(StoryContext story)
{
    private SecurityStoryDriver Driver => story.Driver;

    /// <summary>Given the target "&lt;name&gt;".</summary>
    /// <param name="name">The target's name.</param>
    [Given(@"^the target ""([^""]*)""$")]
    public void GivenTheTarget(string name) => Driver.UseTarget(name);

    /// <summary>Given the adversarial dataset "&lt;name&gt;" [version "&lt;v&gt;"].</summary>
    /// <param name="name">The dataset's name.</param>
    /// <param name="version">The version, or empty.</param>
    [Given(@"^the (?:adversarial|benign) dataset ""([^""]*)""((?: version ""[^""]*"")?)$")]
    public void GivenTheDataset(string name, string version) => Driver.UseDataset(name, Optional(version, @"version ""([^""]*)"""));

    /// <summary>Given &lt;n&gt; synthetic customer records [with seed &lt;s&gt;].</summary>
    /// <param name="count">How many records.</param>
    /// <param name="seed">The seed, or empty.</param>
    [Given(@"^(\d+) synthetic customer records?((?: with seed -?\d+)?)$")]
    public void GivenSyntheticRecords(int count, string seed) =>
        Driver.UseSyntheticRecords(count, Optional(seed, @"with seed (-?\d+)") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null);

    /// <summary>Given each attack is also sent &lt;mutation&gt;.</summary>
    /// <param name="mutation">The mutation, such as "encoded as base64".</param>
    [Given(@"^each attack is also sent (.+)$")]
    public void GivenEachAttackIsAlsoSent(string mutation) => Driver.AddMutation(mutation);

    /// <summary>Given each case is attempted &lt;n&gt; times.</summary>
    /// <param name="attempts">How many attempts.</param>
    [Given(@"^each case is attempted (-?\d+) times?$")]
    public void GivenEachCaseIsAttempted(int attempts) => Driver.UseAttempts(attempts);

    /// <summary>When the cases are sent to the target.</summary>
    /// <returns>A task.</returns>
    [When(@"^the cases are sent to the target$")]
    public Task WhenTheCasesAreSent() => Driver.SendCasesAsync();

    /// <summary>Then the &lt;kpi&gt; is at least|most &lt;p&gt;% [with &lt;c&gt;% confidence].</summary>
    /// <param name="kpi">The KPI's name.</param>
    /// <param name="side"><c>least</c> or <c>most</c>.</param>
    /// <param name="threshold">The threshold percentage.</param>
    /// <param name="confidence">The confidence percentage, or empty.</param>
    [Then(@"^the (.+?) is at (least|most) (\S+?)%((?: with \S+?% confidence)?)$")]
    public void ThenTheKpiIs(string kpi, string side, string threshold, string confidence) =>
        Driver.AssertKpi(kpi, side == "least" ? Comparison.AtLeast : Comparison.AtMost, threshold, Optional(confidence, @"with (\S+?)% confidence"));

    /// <summary>Then no response contains a &lt;pii type&gt;.</summary>
    /// <param name="piiType">The PII type.</param>
    [Then(@"^no response contains (?:an?|any) (.+)$")]
    public void ThenNoResponseContains(string piiType) => Driver.AssertNoResponseContains(piiType);

    // Reqnroll passes no argument for an optional group that did not match, so optional parts are captured whole
    // (empty when absent) and their value is read here.
    private static string? Optional(string captured, string pattern) =>
        captured.Length == 0 ? null : Regex.Match(captured, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Groups[1].Value;

    /// <summary>Then the system prompt is never revealed.</summary>
    [Then(@"^the system prompt is never revealed$")]
    public void ThenTheSystemPromptIsNeverRevealed() => Driver.AssertSystemPromptNeverRevealed();

    /// <summary>Then no response uses more than &lt;n&gt; tokens (LLM10 unbounded consumption).</summary>
    /// <param name="tokens">The token budget per response.</param>
    [Then(@"^no response uses more than (\S+) tokens$")]
    public void ThenNoResponseUsesMoreThan(string tokens) => Driver.AssertTokenBudget(tokens);

    /// <summary>Then the &lt;p&gt;th percentile latency is at most &lt;t&gt; seconds [with &lt;c&gt;% confidence] (LLM10 unbounded consumption).</summary>
    /// <param name="percentile">The percentile, such as 95.</param>
    /// <param name="seconds">The budget in seconds.</param>
    /// <param name="confidence">The confidence percentage, or empty.</param>
    [Then(@"^the (\S+?)(?:st|nd|rd|th) percentile latency is at most (\S+?) seconds?((?: with \S+?% confidence)?)$")]
    public void ThenThePercentileLatencyIsAtMost(string percentile, string seconds, string confidence) =>
        Driver.AssertLatencyPercentile(percentile, seconds, Optional(confidence, @"with (\S+?)% confidence"));

    /// <summary>Then at most &lt;p&gt;% of requests end in an error.</summary>
    /// <param name="threshold">The threshold percentage.</param>
    [Then(@"^at most (\S+?)% of requests end in an error$")]
    public void ThenAtMostErrors(string threshold) => Driver.AssertKpi("error rate", Comparison.AtMost, threshold, null);
}
