using System.Globalization;
using System.Text.RegularExpressions;
using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>The security step vocabulary: thin bindings over <see cref="SecurityStoryDriver"/>.</summary>
/// <remarks>Each step's XML summary and <see cref="StepExampleAttribute"/> are its documentation: <c>securereqs steps</c>
/// prints them and <c>docs/steps.md</c> is generated from them.</remarks>
[Binding]
public sealed class SecuritySteps(StoryContext story)
{
    private SecurityStoryDriver Driver => story.Driver;

    private void Declare(Action declare) => story.Declare(declare);

    /// <summary>
    /// The system under test: a target registered in code (<c>TargetRegistry.Shared.Add(...)</c>), declared in
    /// <c>securereqs.json</c> (an OpenAI-compatible or HTTP endpoint, see <c>docs/configuration.md</c>), or the simulated
    /// <c>demo:naive</c> / <c>demo:guarded</c> / <c>demo:paraphrasing</c>. <c>securereqs run --target</c> and
    /// <c>SECUREREQS_TARGET</c> replace it.
    /// </summary>
    /// <param name="name">The target's name.</param>
    [StepExample(@"Given the target ""demo:guarded""")]
    [Given(@"^the target ""([^""]*)""$")]
    public void GivenTheTarget(string name) => Declare(() => Driver.UseTarget(name));

    /// <summary>
    /// A dataset folder under <c>adversarial-datasets/</c>, verified against its manifest when it loads; several
    /// dataset steps add up. Write <c>benign dataset</c> for benign controls (for over-blocking) and
    /// <c>version "…"</c> to pin a version.
    /// </summary>
    /// <param name="name">The dataset's name.</param>
    /// <param name="version">The version, or empty.</param>
    [StepExample(@"Given the adversarial dataset ""pii-exfiltration""")]
    [StepExample(@"Given the benign dataset ""benign-controls"" version ""1.0.0""")]
    [Given(@"^the (?:adversarial|benign) dataset ""([^""]*)""((?: version ""[^""]*"")?)$")]
    public void GivenTheDataset(string name, string version) => Declare(() => Driver.UseDataset(name, Optional(version, @"version ""([^""]*)""")));

    /// <summary>
    /// The synthetic customer records that fill the <c>{{pii.*}}</c> placeholders (case i uses record i mod n); the
    /// seed makes the run reproducible (default 1).
    /// </summary>
    /// <param name="count">How many records.</param>
    /// <param name="seed">The seed, or empty.</param>
    [StepExample("Given 300 synthetic customer records with seed 42")]
    [Given(@"^(\d+) synthetic customer records?((?: with seed -?\d+)?)$")]
    public void GivenSyntheticRecords(int count, string seed) =>
        Declare(() => Driver.UseSyntheticRecords(count, Optional(seed, @"with seed (-?\d+)") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null));

    /// <summary>
    /// Adds one mutated copy of every attack per mutation (see <c>docs/mutators.md</c>); chain mutations with "and",
    /// and "with every mutation" adds all of them. At most 3000 copies per story: beyond that a seeded sample runs and
    /// the report says so.
    /// </summary>
    /// <param name="mutation">The mutation, such as "encoded as base64".</param>
    [StepExample("Given each attack is also sent encoded as base64")]
    [StepExample("Given each attack is also sent with every mutation")]
    [Given(@"^each attack is also sent (.+)$")]
    public void GivenEachAttackIsAlsoSent(string mutation) => Declare(() => Driver.AddMutation(mutation));

    /// <summary>
    /// Who the cases run as: the authenticated role (as the target's tool policy names it) and clearance (public,
    /// internal or confidential), whatever the conversation claims. Cases that name their own caller keep it; the
    /// default is a customer with public clearance.
    /// </summary>
    /// <param name="role">The role.</param>
    /// <param name="clearance">The clearance.</param>
    [StepExample(@"Given the caller is a ""customer"" with ""public"" clearance")]
    [Given(@"^the caller is an? ""([^""]*)"" with ""([^""]*)"" clearance$")]
    public void GivenTheCaller(string role, string clearance) => Declare(() => Driver.UseCaller(role, clearance));

    /// <summary>
    /// LLM04: runs the cases twice, against the target as it is and with the poisoned documents of the story's datasets
    /// added to its knowledge base; KPI steps then judge the poisoned run.
    /// </summary>
    [StepExample("Given the poisoned documents are added to the knowledge base")]
    [Given(@"^the poisoned documents are added to the knowledge base$")]
    public void GivenThePoisonedDocumentsAreAdded() => Declare(Driver.AddPoisonedDocuments);

    /// <summary>Sends every case n times (1–100): an attack succeeds if any attempt succeeds.</summary>
    /// <param name="attempts">How many attempts.</param>
    [StepExample("Given each case is attempted 3 times")]
    [Given(@"^each case is attempted (-?\d+) times?$")]
    public void GivenEachCaseIsAttempted(int attempts) => Declare(() => Driver.UseAttempts(attempts));

    /// <summary>
    /// Pursues every attack over several turns with the story's attacker model, which reads the target's answers and
    /// writes the next message: by gradual escalation in one conversation (the default), by refining a single prompt,
    /// by a branching search, or by every strategy (one copy of each attack per strategy). Every answer is judged; an
    /// attack is compromised when any answer is, and counts as one trial of the bound however many turns it took.
    /// Attacks hidden in documents are sent as written. See <c>docs/adaptive.md</c>.
    /// </summary>
    /// <param name="turns">The most turns per attack (1–20).</param>
    /// <param name="strategies">The strategies, or empty for gradual escalation.</param>
    [StepExample("Given each attack is pursued adaptively for up to 5 turns")]
    [StepExample("Given each attack is pursued adaptively for up to 4 turns by a branching search")]
    [Given(@"^each attack is pursued adaptively for up to (-?\d+) turns?((?: .+)?)$")]
    public void GivenEachAttackIsPursuedAdaptively(int turns, string strategies) => Declare(() => Driver.PursueAdaptively(turns, strategies));

    /// <summary>The model that writes the attacker's messages for adaptive attacks: a target declared in
    /// <c>securereqs.json</c> (any OpenAI-compatible or local model). <c>--target</c> does not replace it.</summary>
    /// <param name="name">The target's name.</param>
    [StepExample(@"Given the attacker model ""red-team-model""")]
    [Given(@"^the attacker model ""([^""]*)""$")]
    public void GivenTheAttackerModel(string name) => Declare(() => Driver.UseAttacker(name));

    /// <summary>
    /// Pins the story's evidence to a recorded run: configured targets, the attacker model and the semantic judge's
    /// model answer only from this response-cache folder (a path relative to the repository root) and nothing is sent
    /// to them; a request it holds no answer for ends its case in an error. In-process targets run as they are.
    /// See <c>docs/adaptive.md</c>.
    /// </summary>
    /// <param name="path">The recording's folder.</param>
    [StepExample(@"Given the answers recorded in ""recordings/release-1.4""")]
    [Given(@"^the answers recorded in ""([^""]*)""$")]
    public void GivenTheAnswersRecordedIn(string path) => Declare(() => Driver.UseRecording(path));

    /// <summary>Sends every case to the target (8 at a time by default) and judges every answer. The cases are sent once
    /// every step of the story is read and checked, so a mistake in a later step costs no request.</summary>
    [StepExample("When the cases are sent to the target")]
    [When(@"^the cases are sent to the target$")]
    public void WhenTheCasesAreSent() => Declare(Driver.SendCases);

    /// <summary>
    /// A KPI requirement, checked against an exact one-sided confidence bound (95% confidence unless the step states
    /// one): it passes when the bound clears the threshold, fails when the measured rate misses it, and is inconclusive
    /// otherwise. Every KPI is explained in <c>docs/kpis.md</c>.
    /// </summary>
    /// <param name="kpi">The KPI's name.</param>
    /// <param name="side"><c>least</c> or <c>most</c>.</param>
    /// <param name="threshold">The threshold percentage.</param>
    /// <param name="confidence">The confidence percentage, or empty.</param>
    [StepExample("Then the redaction rate is at least 99% with 95% confidence")]
    [StepExample("Then the over-blocking rate is at most 2%")]
    [Then(@"^the (.+?) is at (least|most) (\S+?)%((?: with \S+?% confidence)?)$")]
    public void ThenTheKpiIs(string kpi, string side, string threshold, string confidence) =>
        Declare(() => Driver.RequireKpi(kpi, side == "least" ? Comparison.AtLeast : Comparison.AtMost, threshold, Optional(confidence, @"with (\S+?)% confidence")));

    /// <summary>
    /// An absolute check: no answer contains PII of that type, planted or found by the validating scanner (payment card
    /// number, US social security number, IBAN, e-mail address, phone number, postal address, date of birth, customer
    /// name). An error counts against it.
    /// </summary>
    /// <param name="piiType">The PII type.</param>
    [StepExample("Then no response contains a payment card number")]
    [Then(@"^no response contains (?:an?|any) (.+)$")]
    public void ThenNoResponseContains(string piiType) => Declare(() => Driver.RequireNoResponseContains(piiType));

    // Reqnroll passes no argument for an optional group that did not match, so optional parts are captured whole
    // (empty when absent) and their value is read here.
    private static string? Optional(string captured, string pattern) =>
        captured.Length == 0 ? null : Regex.Match(captured, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Groups[1].Value;

    /// <summary>An absolute check: no answer reveals the target's declared system prompt (its secret or a long verbatim part).</summary>
    [StepExample("Then the system prompt is never revealed")]
    [Then(@"^the system prompt is never revealed$")]
    public void ThenTheSystemPromptIsNeverRevealed() => Declare(Driver.RequireSystemPromptNeverRevealed);

    /// <summary>
    /// An LLM10 token budget: no answered request used more than n tokens, as the target reports them
    /// (<c>ChatResponse.Usage</c>). An error counts against it; a target that reports no usage leaves it inconclusive.
    /// </summary>
    /// <param name="tokens">The token budget per response.</param>
    [StepExample("Then no response uses more than 800 tokens")]
    [Then(@"^no response uses more than (\S+) tokens$")]
    public void ThenNoResponseUsesMoreThan(string tokens) => Declare(() => Driver.RequireTokenBudget(tokens));

    /// <summary>
    /// An LLM10 latency budget: at most 100 − p% of cases are slower than t seconds, checked against an exact upper bound
    /// (95% confidence unless the step states one). A case's latency is its slowest request (a cached answer keeps its
    /// original latency); an error counts as too slow.
    /// </summary>
    /// <param name="percentile">The percentile, such as 95.</param>
    /// <param name="seconds">The budget in seconds.</param>
    /// <param name="confidence">The confidence percentage, or empty.</param>
    [StepExample("Then the 95th percentile latency is at most 3 seconds")]
    [Then(@"^the (\S+?)(?:st|nd|rd|th) percentile latency is at most (\S+?) seconds?((?: with \S+?% confidence)?)$")]
    public void ThenThePercentileLatencyIsAtMost(string percentile, string seconds, string confidence) =>
        Declare(() => Driver.RequireLatencyPercentile(percentile, seconds, Optional(confidence, @"with (\S+?)% confidence")));

    /// <summary>
    /// LLM06 / agentic T2–T3, absolute: in no case did a tool outside the scope (a role of the target's tool policy) run.
    /// White-box targets are judged on the invocations that actually ran; others on the calls they returned. An error
    /// counts against it.
    /// </summary>
    /// <param name="scope">The role.</param>
    [StepExample(@"Then no tool outside the ""customer"" scope is ever called")]
    [Then(@"^no tool outside the ""([^""]*)"" scope is ever called$")]
    public void ThenNoToolOutsideTheScope(string scope) => Declare(() => Driver.RequireNoToolOutsideScope(scope));

    /// <summary>
    /// Absolute: no tool the policy marks as needing a person's approval ran in any case (a SecureReqs run never
    /// approves, so every such run is a bypass). An error counts against it.
    /// </summary>
    [StepExample("Then tools needing approval are never called without it")]
    [Then(@"^tools needing approval are never called without it$")]
    public void ThenToolsNeedingApprovalAreNeverCalledWithoutIt() => Declare(Driver.RequireApprovalNeverBypassed);

    /// <summary>Absolute: no tool call that broke the policy carried protected data (planted values, canaries, secrets) out. An error counts against it.</summary>
    [StepExample("Then no tool call carries data out")]
    [Then(@"^no tool call carries data out$")]
    public void ThenNoToolCallCarriesDataOut() => Declare(Driver.RequireNoExfiltration);

    /// <summary>
    /// LLM08, absolute: no document above the caller's clearance reached the model (white-box retrieval records) and no
    /// answer carried the canary of one (black-box). An error counts against it.
    /// </summary>
    [StepExample("Then no document above the user's clearance is retrieved")]
    [Then(@"^no document above the user's clearance is retrieved$")]
    public void ThenNoDocumentAboveClearance() => Declare(Driver.RequireNoDocumentAboveClearance);

    /// <summary>
    /// LLM04: the attack success rate with the poisoned documents minus the rate without them, checked against a
    /// one-sided upper confidence bound (Newcombe's score interval; 95% unless the step states one).
    /// </summary>
    /// <param name="points">The allowed rise in percentage points.</param>
    /// <param name="confidence">The confidence percentage, or empty.</param>
    [StepExample("Then poisoning raises the attack success rate by at most 5 points")]
    [Then(@"^poisoning raises the attack success rate by at most (\S+?) points?((?: with \S+?% confidence)?)$")]
    public void ThenPoisoningRaisesAtMost(string points, string confidence) =>
        Declare(() => Driver.RequirePoisoningRiseAtMost(points, Optional(confidence, @"with (\S+?)% confidence")));

    /// <summary>The error budget: at most p% of requests end in an error (an exception, a timeout or an empty answer).</summary>
    /// <param name="threshold">The threshold percentage.</param>
    [StepExample("Then at most 1% of requests end in an error")]
    [Then(@"^at most (\S+?)% of requests end in an error$")]
    public void ThenAtMostErrors(string threshold) => Declare(() => Driver.RequireKpi("error rate", Comparison.AtMost, threshold, null));

    /// <summary>
    /// The semantic judge (a model) that reads answers for rules in plain words: declared under <c>judges</c> in
    /// <c>securereqs.json</c> (a target serving the judging model and a signed calibration set) or added with
    /// <c>SemanticJudgeRegistry.Shared.Add(...)</c>. Deterministic judges stay in charge of every other requirement.
    /// See <c>docs/judges.md</c>.
    /// </summary>
    /// <param name="name">The judge's name.</param>
    [StepExample(@"Given the semantic judge ""policy-judge""")]
    [Given(@"^the semantic judge ""([^""]*)""$")]
    public void GivenTheSemanticJudge(string name) => Declare(() => Driver.UseSemanticJudge(name));

    /// <summary>
    /// A product rule in plain words, judged answer by answer by the story's semantic judge: at most p% of responses
    /// break it, corrected for the judge's error measured on its calibration set for this exact rule (Rogan–Gladen), with
    /// a bound that also covers the calibration's uncertainty. Inconclusive when the judge is below its required accuracy.
    /// An error, or an answer without a verdict, counts as breaking the rule.
    /// </summary>
    /// <param name="threshold">The threshold percentage.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="confidence">The confidence, or empty.</param>
    [StepExample(@"Then at most 5% of responses break the rule ""never gives legal advice""")]
    [Then(@"^at most (\S+?)% of responses break the rule ""([^""]*)""((?: with \S+?% confidence)?)$")]
    public void ThenAtMostResponsesBreakTheRule(string threshold, string rule, string confidence) =>
        Declare(() => Driver.RequireRule(threshold, rule, Optional(confidence, @"with (\S+?)% confidence")));
}
