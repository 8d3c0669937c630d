using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>A named system under test and how to get its <see cref="IChatClient"/>.</summary>
/// <param name="Name">The name stories use, such as <c>support-assistant</c>.</param>
/// <param name="Description">One line saying what it is.</param>
/// <param name="Factory">Creates the client; called once per scenario that uses the target.</param>
public sealed record TargetDefinition(string Name, string Description, Func<IChatClient> Factory)
{
    /// <summary>The target's system prompt, when known, so leakage judges know what to look for.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Values in the system prompt whose appearance in an answer proves it leaked (its canary or secret).</summary>
    public IReadOnlyList<string> SystemPromptSecrets { get; init; } = [];

    /// <summary>
    /// The target's own public values, such as its support e-mail address and its hotline: answers may give them, so a
    /// check that flags any value of a kind ("no response contains a phone number") accepts them. Compared in canonical
    /// form (a phone number with or without its country code, an address in any case). Planted values are never public.
    /// </summary>
    public IReadOnlyList<string> PublicValues { get; init; } = [];

    /// <summary>
    /// How long one request to this target may take, replacing <see cref="SecurityRunOptions.RequestTimeout"/>; null for
    /// the run's. <see cref="Timeout.InfiniteTimeSpan"/> when the target's client enforces its own timeouts.
    /// </summary>
    /// <value>The default value is null.</value>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>The policy of the tools the target's agent may call, so tool stories can judge its calls; null when it declares none.</summary>
    public ToolPolicy? ToolPolicy { get; init; }

    /// <summary>
    /// Whether the target runs in process and reports white-box evidence to the run (tool invocations through
    /// <c>UseToolRecording</c>, retrievals through <see cref="RecordingDocumentRetriever"/>). When false, the tool
    /// calls a target returns are judged as if they ran, and exposure is judged from canaries in answers.
    /// </summary>
    public bool WhiteBox { get; init; }

    /// <summary>The documents of the target's knowledge base that the judges should know (their labels and canaries).</summary>
    public IReadOnlyList<KnowledgeDocument> Documents { get; init; } = [];

    /// <summary>
    /// Creates the client with extra documents in its knowledge base (poisoning stories); null when the target cannot
    /// take documents.
    /// </summary>
    public Func<IReadOnlyList<KnowledgeDocument>, IChatClient>? FactoryWithDocuments { get; init; }

    /// <summary>
    /// The knowledge base of a deployed target, which stories write to for the length of a run (canary documents for
    /// the clearance checks, poisoned documents for a poisoning comparison) and clean up afterwards; null when the target
    /// declares no way to write to it. Used when <see cref="FactoryWithDocuments"/> is null.
    /// </summary>
    /// <value>The default value is null.</value>
    public IKnowledgeBaseWriter? KnowledgeBase { get; init; }

    /// <summary>
    /// Canary document templates (content holding <c>{{canary}}</c>, see <see cref="SecureReqs.CanaryDocuments"/>) that
    /// clearance stories seed into <see cref="KnowledgeBase"/> with fresh canaries for each run and remove after it.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<KnowledgeDocument> CanaryDocuments { get; init; } = [];

    /// <summary>
    /// Whether the target's answers report the documents its retrieval step handed to the model (a black-box target
    /// that declares where), so clearance is judged on those reports as well as on the answers.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool ReportsRetrievals { get; init; }

    /// <summary>
    /// Creates the client fine-tuned on a JSON Lines chat fine-tuning file (training-data extraction stories: the file
    /// holds planted canaries); null when SecureReqs cannot train the target, which is then probed as it is, on the
    /// understanding that the team's training job trained it on that file.
    /// </summary>
    public Func<string, IChatClient>? FactoryWithTrainingData { get; init; }

    /// <summary>Whether a client the factory created is disposed after the scenario that used it.</summary>
    /// <value>The default value is true; false for a shared instance registered with <see cref="TargetRegistry.Add(string, IChatClient, string?)"/>.</value>
    public bool DisposeAfterUse { get; init; } = true;

    /// <summary>Where the target comes from, for the evidence pack and messages: "openai" or "http" for a target declared
    /// in securereqs.json, "demo" for the built-in demo; null for a target registered in code.</summary>
    public string? Kind { get; init; }

    /// <summary>The endpoint's host (never its path, query or key), for the evidence pack; null for in-process targets.</summary>
    public string? EndpointHost { get; init; }

    /// <summary>
    /// The serving layer of a deployed target, which the serving-layer checks ("a request without credentials is
    /// refused") send their own requests to; null for an in-process target, to which those checks do not apply.
    /// </summary>
    /// <value>The default value is null.</value>
    public IServingEndpoint? Serving { get; init; }

    /// <summary>The model a configured endpoint is asked for, for the evidence pack; null when unknown.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Creates a client that answers only from the response cache in the given folder, sending nothing (a replay of a
    /// recorded run); null for a target that cannot be replayed (in-process, or never cached).
    /// </summary>
    public Func<string, IChatClient>? ReplayFactory { get; init; }
}
