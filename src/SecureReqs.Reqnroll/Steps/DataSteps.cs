using Reqnroll;

namespace SecureReqs.Reqnroll;

/// <summary>The data and artifact integrity step vocabulary: thin bindings over <see cref="DataStoryDriver"/>.</summary>
/// <remarks>Each step's XML summary and <see cref="StepExampleAttribute"/> are its documentation: <c>securereqs steps</c>
/// prints them and <c>docs/steps.md</c> is generated from them. See <c>docs/integrity.md</c>.</remarks>
[Binding]
public sealed class DataSteps(StoryContext story)
{
    private DataStoryDriver Driver => story.Data;

    /// <summary>
    /// A training or fine-tuning dataset in JSON Lines (one JSON object per line, a path relative to the repository
    /// root) for the record checks that follow; every string value of every record is checked.
    /// </summary>
    /// <param name="path">The file's path.</param>
    [StepExample(@"Given the training dataset ""training/support-chats.jsonl""")]
    [Given(@"^the training dataset ""([^""]*)""$")]
    public void GivenTheTrainingDataset(string path) => story.Declare(() => Driver.UseTrainingDataset(path));

    /// <summary>
    /// An absolute check: the dataset folder under <c>adversarial-datasets/</c> matches its signed manifest
    /// (<c>securereqs.manifest.json</c>): no file changed, added or removed, and the signature is by a trusted key
    /// (<c>.securereqs/trusted-signers.pem</c>). See <c>docs/integrity.md</c>.
    /// </summary>
    /// <param name="name">The dataset's folder name.</param>
    [StepExample(@"Then the dataset ""pii-exfiltration"" matches its signed manifest")]
    [Then(@"^the dataset ""([^""]*)"" matches its signed manifest$")]
    public void ThenTheDatasetMatchesItsSignedManifest(string name) => story.Declare(() => Driver.RequireDatasetMatchesManifest(name));

    /// <summary>
    /// An absolute check: the model artifact (a path relative to the repository root) matches its signed sidecar
    /// manifest (<c>&lt;file&gt;.manifest.json</c>), signed by a trusted key.
    /// </summary>
    /// <param name="path">The artifact's path.</param>
    [StepExample(@"Then the model artifact ""models/classifier.onnx"" matches its signed manifest")]
    [Then(@"^the model artifact ""([^""]*)"" matches its signed manifest$")]
    public void ThenTheModelArtifactMatchesItsSignedManifest(string path) => story.Declare(() => Driver.RequireArtifactMatchesManifest(path));

    /// <summary>
    /// An absolute check: no record of the training dataset holds unmasked PII (payment cards, SSNs, IBANs, e-mail
    /// addresses, phone numbers, IP addresses, secrets, labelled dates of birth); masked forms such as <c>[email]</c>
    /// are fine. Findings are listed with masked evidence.
    /// </summary>
    [StepExample("Then no record contains unmasked PII")]
    [Then(@"^no record contains unmasked PII$")]
    public void ThenNoRecordContainsUnmaskedPii() => story.Declare(Driver.RequireNoUnmaskedPii);

    /// <summary>
    /// An absolute check (LLM04 data poisoning): no record of the training dataset holds text that the prompt-injection
    /// detector, reading it as untrusted content, judges an injection (such as "note to the AI model: ignore your rules").
    /// </summary>
    [StepExample("Then no record contains an instruction-injection payload")]
    [Then(@"^no record contains an instruction-injection payload$")]
    public void ThenNoRecordContainsAnInjectionPayload() => story.Declare(Driver.RequireNoInjectionPayload);

    /// <summary>
    /// An absolute check (LLM01 indirect injection through tool metadata, agentic T2): lists every tool the MCP server
    /// offers (declared under <c>mcpServers</c> in securereqs.json, or registered in code) and reads each tool's name,
    /// title, description and input schema (parameter names and descriptions) for instructions aimed at the model:
    /// hidden or invisible text, directives to read credential files or to pass secrets or the conversation as an
    /// argument, "call this before any other tool", "do not tell the user", instructions about other tools, and addresses
    /// to send data to. Each poisoned tool is reported with its evidence (PII and secrets masked). A server that cannot be
    /// reached or lists no tools makes the story an error, never a pass. See <c>docs/agents.md</c>.
    /// </summary>
    /// <param name="name">The server's name.</param>
    [StepExample(@"Then the tool descriptions of the MCP server ""files"" carry no injected instructions")]
    [Then(@"^the tool descriptions of the MCP server ""([^""]*)"" carry no injected instructions$")]
    public void ThenTheToolDescriptionsCarryNoInjectedInstructions(string name) => story.Declare(() => Driver.RequireToolDescriptionsClean(name));

    /// <summary>An absolute check: every record of the training dataset has a <c>provenance</c> object with a non-empty <c>source</c>.</summary>
    [StepExample("Then every record has provenance")]
    [Then(@"^every record has provenance$")]
    public void ThenEveryRecordHasProvenance() => story.Declare(Driver.RequireEveryRecordHasProvenance);
}
