using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureReqs;

/// <summary>
/// The frameworks a story's tags map it to: the OWASP Top 10 for LLM Applications 2025, the OWASP agentic AI threats
/// (T1–T15), the NIST AI Risk Management Framework and ISO/IEC 42001 Annex A. Names and descriptions are short
/// paraphrases for reports; the frameworks' own documents are authoritative.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static partial class ControlCatalog
{
    /// <summary>The OWASP Top 10 for LLM Applications 2025 (<c>@owasp:LLM01</c> … <c>@owasp:LLM10</c>).</summary>
    public static ControlFramework OwaspLlm { get; } = new(
        "owasp",
        "OWASP Top 10 for LLM Applications 2025",
        "@owasp:LLM01",
        [
            Llm(1, "Prompt Injection", "9.0",
                "A user's prompt, or content the model reads (documents, web pages, e-mails, tool results), changes what the model does in ways its owner never intended: it ignores its instructions, outputs what it should not, or calls tools on the attacker's behalf.",
                "Treat every input and all retrieved content as untrusted; keep privileges out of the model's reach; filter inputs and outputs (a prompt-injection guard); require approval for consequential actions; and test with adversarial datasets on every release."),
            Llm(2, "Sensitive Information Disclosure", "8.0",
                "The application reveals personal data, credentials, or confidential business data in its answers.",
                "Keep data the user may not see out of the model's context, enforce access control before retrieval, and redact PII and secrets in every answer (streaming included)."),
            Llm(3, "Supply Chain", "7.0",
                "A model, dataset, adapter or package the application depends on is vulnerable, tampered with or of unknown origin.",
                "Pin and verify third-party models and data (hashes, signatures, provenance), and keep an inventory of what the application is built from."),
            Llm(4, "Data and Model Poisoning", "7.5",
                "Training, fine-tuning or retrieval data is manipulated to plant backdoors, biases or false facts.",
                "Verify the provenance of data, scan it before it enters a pipeline, and test the model for planted behaviour."),
            Llm(5, "Improper Output Handling", "8.0",
                "Model output reaches a browser, shell, database or other component without validation or encoding: cross-site scripting, injected commands, links that exfiltrate data.",
                "Treat model output as untrusted input to the next component: validate, encode, and strip active content and unknown links."),
            Llm(6, "Excessive Agency", "8.5",
                "The model can call tools, or act, with more functionality, permission or autonomy than its task needs, so a manipulated answer becomes a harmful action.",
                "Give the model the fewest tools with the narrowest permissions, check every tool call against the user's scope, and ask a human before consequential actions."),
            Llm(7, "System Prompt Leakage", "6.5",
                "Users can extract the system prompt, and with it any secrets, rules or internal details it holds.",
                "Keep secrets and access rules out of the system prompt, enforce them outside the model, and filter answers that reveal it."),
            Llm(8, "Vector and Embedding Weaknesses", "7.0",
                "Retrieval-augmented generation returns documents across tenants or above a user's clearance, or is steered by poisoned embeddings.",
                "Enforce permissions in the retrieval layer, partition indexes by tenant, and validate what enters the vector store."),
            Llm(9, "Misinformation", "5.0",
                "The model produces false or misleading content that users or downstream systems rely on.",
                "Ground answers in verified sources, show them, and evaluate factual accuracy on the tasks that matter."),
            Llm(10, "Unbounded Consumption", "6.5",
                "Uncontrolled requests, token use or compute lead to denial of service, runaway cost or model extraction.",
                "Limit input size, output tokens, request rates and concurrency; set budgets and alerts on cost and latency."),
        ],
        [],
        value => OwaspId().Match(value) is { Success: true } m ? "LLM" + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString("00", CultureInfo.InvariantCulture) : null);

    /// <summary>The OWASP agentic AI threats T1–T15 (<c>@agentic:T2</c>), from "Agentic AI – Threats and Mitigations".</summary>
    public static ControlFramework OwaspAgentic { get; } = new(
        "agentic",
        "OWASP Agentic AI threats (T1–T15)",
        "@agentic:T2",
        [
            Agentic(1, "Memory Poisoning", "An attacker plants false or malicious content in an agent's short- or long-term memory so that later decisions go wrong."),
            Agentic(2, "Tool Misuse", "An agent is manipulated into using the tools it is allowed to use in harmful ways."),
            Agentic(3, "Privilege Compromise", "An agent's permissions are exploited or escalated, so it acts beyond what its user may do."),
            Agentic(4, "Resource Overload", "An agent's compute, memory, tokens or service quotas are exhausted, degrading or stopping it."),
            Agentic(5, "Cascading Hallucination Attacks", "Fabricated information spreads through an agent's memory, tools or other agents and compounds into harmful decisions."),
            Agentic(6, "Intent Breaking & Goal Manipulation", "An attacker redirects an agent's goals or planning so it pursues the attacker's objective."),
            Agentic(7, "Misaligned & Deceptive Behaviors", "An agent takes harmful or deceptive actions to reach its objective."),
            Agentic(8, "Repudiation & Untraceability", "An agent's actions cannot be traced or attributed because logging and accountability are insufficient."),
            Agentic(9, "Identity Spoofing & Impersonation", "An attacker impersonates an agent or a user to act with their authority."),
            Agentic(10, "Overwhelming Human in the Loop", "Human reviewers are flooded with requests until approval becomes a rubber stamp."),
            Agentic(11, "Unexpected RCE and Code Attacks", "Code that an agent writes or runs is turned into remote code execution."),
            Agentic(12, "Agent Communication Poisoning", "Messages between agents are manipulated to spread false information or instructions."),
            Agentic(13, "Rogue Agents in Multi-Agent Systems", "A compromised or malicious agent acts outside the monitoring and limits of the system."),
            Agentic(14, "Human Attacks on Multi-Agent Systems", "People exploit the delegation and trust between agents to escalate or evade controls."),
            Agentic(15, "Human Manipulation", "An agent that users trust is used to manipulate them into harmful actions."),
        ],
        [],
        value => AgenticId().Match(value) is { Success: true } m ? "T" + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : null);

    /// <summary>The NIST AI Risk Management Framework 1.0 (<c>@nist:MEASURE-2.7</c>): its four functions and their 72 subcategories, with short titles of our own.</summary>
    public static ControlFramework NistAiRmf { get; } = new(
        "nist",
        "NIST AI Risk Management Framework",
        "@nist:MEASURE-2.7",
        [
            new("GOVERN", "Govern", "A culture, policies and accountability for AI risk management are in place."),
            new("MAP", "Map", "The context of the AI system is established and its risks are identified."),
            new("MEASURE", "Measure", "Identified risks are analysed, assessed, benchmarked and monitored."),
            new("MANAGE", "Manage", "Risks are prioritised and acted upon."),
        ],
        [
            Sub("GOVERN 1.1", "Laws and regulations that apply to the AI system are known and recorded"),
            Sub("GOVERN 1.2", "Policies build in the traits of trustworthy AI"),
            Sub("GOVERN 1.3", "How much risk management a system needs follows from the risk the organisation accepts"),
            Sub("GOVERN 1.4", "The risk management process and its results are set by open policies"),
            Sub("GOVERN 1.5", "Risk management is monitored and reviewed on a schedule"),
            Sub("GOVERN 1.6", "AI systems are kept in an inventory"),
            Sub("GOVERN 1.7", "AI systems can be retired safely"),
            Sub("GOVERN 2.1", "Roles, responsibilities and reporting lines are written down"),
            Sub("GOVERN 2.2", "Staff and partners are trained in AI risk management"),
            Sub("GOVERN 2.3", "Leadership owns the decisions on AI risk"),
            Sub("GOVERN 3.1", "Decisions draw on a diverse team"),
            Sub("GOVERN 3.2", "Human oversight of the AI system is assigned"),
            Sub("GOVERN 4.1", "Policies make safety a first thought in design and use"),
            Sub("GOVERN 4.2", "Teams record and share the risks and impacts they find"),
            Sub("GOVERN 4.3", "Testing, incident finding and information sharing are practised"),
            Sub("GOVERN 5.1", "Feedback from outside the team is gathered and used"),
            Sub("GOVERN 5.2", "Feedback that was decided on reaches the system's design"),
            Sub("GOVERN 6.1", "Risks from third parties (data, models, software) are covered by policy"),
            Sub("GOVERN 6.2", "There are fallbacks for failures of third-party data or systems"),
            Sub("MAP 1.1", "The purpose, users and setting of the system are understood"),
            Sub("MAP 1.2", "The people and skills involved are recorded"),
            Sub("MAP 1.3", "The system's goals fit the organisation's mission"),
            Sub("MAP 1.4", "The business value is stated"),
            Sub("MAP 1.5", "The organisation's risk tolerance is set"),
            Sub("MAP 1.6", "Requirements, security and privacy among them, are gathered from the people concerned"),
            Sub("MAP 2.1", "The tasks the system performs are defined"),
            Sub("MAP 2.2", "The system's limits and how people use and oversee its output are recorded"),
            Sub("MAP 2.3", "Testing and evaluation needs are identified"),
            Sub("MAP 3.1", "Expected benefits are examined"),
            Sub("MAP 3.2", "The costs of errors, beyond money, are examined"),
            Sub("MAP 3.3", "The scope the system is built for is stated"),
            Sub("MAP 3.4", "The skills operators need are defined"),
            Sub("MAP 3.5", "Human oversight processes are defined"),
            Sub("MAP 4.1", "Risks of each component, third-party ones included, are mapped"),
            Sub("MAP 4.2", "Controls for each component's risks are identified"),
            Sub("MAP 5.1", "How likely and how large each impact is, is recorded"),
            Sub("MAP 5.2", "People affected are consulted about impacts"),
            Sub("MEASURE 1.1", "Approaches and metrics for the significant AI risks are selected"),
            Sub("MEASURE 1.2", "Metrics and the effect of controls are reassessed"),
            Sub("MEASURE 1.3", "People independent of development take part in assessments"),
            Sub("MEASURE 2.1", "Test sets, metrics and tools are documented"),
            Sub("MEASURE 2.2", "Evaluations with people meet the rules for human subjects"),
            Sub("MEASURE 2.3", "Performance is measured under conditions like deployment"),
            Sub("MEASURE 2.4", "The system's behaviour is monitored in production"),
            Sub("MEASURE 2.5", "Validity and reliability are demonstrated"),
            Sub("MEASURE 2.6", "Safety risks are evaluated"),
            Sub("MEASURE 2.7", "Security and resilience are evaluated and documented"),
            Sub("MEASURE 2.8", "Transparency and accountability risks are examined"),
            Sub("MEASURE 2.9", "The model is explained and its output interpreted"),
            Sub("MEASURE 2.10", "Privacy risk is examined and documented"),
            Sub("MEASURE 2.11", "Fairness and bias are evaluated"),
            Sub("MEASURE 2.12", "Environmental impact is assessed"),
            Sub("MEASURE 2.13", "The effectiveness of the measurement is evaluated"),
            Sub("MEASURE 3.1", "Emerging risks are tracked over time"),
            Sub("MEASURE 3.2", "Risks that are hard to measure are still tracked"),
            Sub("MEASURE 3.3", "Users can report problems and appeal outcomes"),
            Sub("MEASURE 4.1", "Domain experts shape how risks in the deployment setting are measured"),
            Sub("MEASURE 4.2", "Domain experts review the measured trustworthiness in deployment"),
            Sub("MEASURE 4.3", "Gains and losses in measured performance are recorded"),
            Sub("MANAGE 1.1", "Whether the system meets its purpose, and should go ahead, is decided"),
            Sub("MANAGE 1.2", "Risks are ranked for treatment by impact and likelihood"),
            Sub("MANAGE 1.3", "Responses to the highest risks are planned and recorded"),
            Sub("MANAGE 1.4", "Remaining risks are recorded"),
            Sub("MANAGE 2.1", "Resources for managing risks, and non-AI alternatives, are weighed"),
            Sub("MANAGE 2.2", "The value of the deployed system is sustained"),
            Sub("MANAGE 2.3", "There is a way to respond to a risk nobody foresaw"),
            Sub("MANAGE 2.4", "A system that misbehaves can be overridden or switched off"),
            Sub("MANAGE 3.1", "Third-party risks are monitored and controlled"),
            Sub("MANAGE 3.2", "Pre-trained models are monitored"),
            Sub("MANAGE 4.1", "Post-deployment monitoring is in place"),
            Sub("MANAGE 4.2", "Improvements are built into updates"),
            Sub("MANAGE 4.3", "Incidents and errors are communicated to those concerned"),
        ],
        value => NistId().Match(value) is { Success: true } m
            ? m.Groups[1].Value.ToUpperInvariant() + (m.Groups[2].Success ? " " + m.Groups[2].Value : "")
            : null,
        id => id.Contains(' ', StringComparison.Ordinal) ? id[..id.IndexOf(' ', StringComparison.Ordinal)] : null);

    /// <summary>ISO/IEC 42001:2023 Annex A controls (<c>@iso42001:A.6.2.4</c>): the ids of its 38 controls, with short titles of our own (the standard's text is not reproduced).</summary>
    public static ControlFramework Iso42001 { get; } = new(
        "iso42001",
        "ISO/IEC 42001 Annex A",
        "@iso42001:A.6.2.4",
        [],
        [
            Sub("A.2.2", "A written AI policy"),
            Sub("A.2.3", "The AI policy fits the organisation's other policies"),
            Sub("A.2.4", "The AI policy is reviewed"),
            Sub("A.3.2", "Who is responsible for what in AI"),
            Sub("A.3.3", "A way to raise concerns about AI"),
            Sub("A.4.2", "The resources of AI systems are listed"),
            Sub("A.4.3", "The data an AI system uses is listed"),
            Sub("A.4.4", "The tools an AI system uses are listed"),
            Sub("A.4.5", "The computing an AI system uses is listed"),
            Sub("A.4.6", "The people and skills an AI system needs are listed"),
            Sub("A.5.2", "A process for assessing an AI system's impact"),
            Sub("A.5.3", "Impact assessments are kept"),
            Sub("A.5.4", "Impact on people and groups is assessed"),
            Sub("A.5.5", "Impact on society is assessed"),
            Sub("A.6.1.2", "Goals for building AI responsibly"),
            Sub("A.6.1.3", "Processes for designing and building AI responsibly"),
            Sub("A.6.2.2", "The AI system's requirements are written down"),
            Sub("A.6.2.3", "Design and development are documented"),
            Sub("A.6.2.4", "The AI system is verified and validated"),
            Sub("A.6.2.5", "Deployment is planned and checked"),
            Sub("A.6.2.6", "The AI system is operated and monitored"),
            Sub("A.6.2.7", "Technical documentation is kept"),
            Sub("A.6.2.8", "Events are logged"),
            Sub("A.7.2", "Data for building and improving the system is managed"),
            Sub("A.7.3", "How data was obtained is recorded"),
            Sub("A.7.4", "Data quality is defined and checked"),
            Sub("A.7.5", "Where data comes from is recorded"),
            Sub("A.7.6", "How data is prepared is defined"),
            Sub("A.8.2", "Users get documentation and information"),
            Sub("A.8.3", "Others can report harm the system causes"),
            Sub("A.8.4", "Incidents are communicated"),
            Sub("A.8.5", "What others must be told is told"),
            Sub("A.9.2", "Processes for using AI responsibly"),
            Sub("A.9.3", "Goals for using AI responsibly"),
            Sub("A.9.4", "The system is used only as intended"),
            Sub("A.10.2", "Responsibilities are shared out with third parties"),
            Sub("A.10.3", "Suppliers are chosen and overseen"),
            Sub("A.10.4", "Customers' expectations are taken into account"),
        ],
        value => IsoId().IsMatch(value) ? "A." + value[2..] : null);

    /// <summary>Every framework, in report order.</summary>
    public static IReadOnlyList<ControlFramework> Frameworks { get; } = [OwaspLlm, OwaspAgentic, NistAiRmf, Iso42001];

    /// <summary>Reads a tag (without @) as a control: <c>owasp:LLM01</c>, <c>agentic:T2</c>, <c>nist:MEASURE-2.7</c>, <c>iso42001:A.6.2.4</c>.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="framework">The framework its prefix names, or null when the prefix names none.</param>
    /// <returns>The control, or null when the tag is not a control tag or (with <paramref name="framework"/> set) names no control of it.</returns>
    public static ControlDefinition? Resolve(string tag, out ControlFramework? framework)
    {
        var colon = tag.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? "" : tag[..colon].TrimStart('@');
        framework = Frameworks.FirstOrDefault(f => string.Equals(f.Key, prefix, StringComparison.OrdinalIgnoreCase));
        return framework?.Resolve(tag[(colon + 1)..]);
    }

    private static ControlDefinition Llm(int n, string name, string severity, string description, string mitigation) =>
        new($"LLM{n:00}", name, description, mitigation)
        {
            HelpUri = "https://genai.owasp.org/llm-top-10/",
            SecuritySeverity = severity,
        };

    private static ControlDefinition Sub(string id, string name) => new(id, name);

    private static ControlDefinition Agentic(int n, string name, string description) => new($"T{n}", name, description);

    // "LLM01" and "LLM01:2025"; ids outside 1–10 name no risk.
    [GeneratedRegex(@"^LLM(0?[1-9]|10)(?::2025)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OwaspId();

    [GeneratedRegex(@"^T([1-9]|1[0-5])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AgenticId();

    // "MEASURE", "MEASURE-2", "MEASURE-2.7" (a hyphen, underscore or space before the number).
    [GeneratedRegex(@"^(GOVERN|MAP|MEASURE|MANAGE)(?:[-_ ]([1-9]\d?(?:\.[1-9]\d?)?))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NistId();

    // Annex A runs from A.2 to A.10.
    [GeneratedRegex(@"^A\.([2-9]|10)(?:\.[1-9]\d?){0,2}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex IsoId();
}
