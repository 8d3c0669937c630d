using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>What happened to one case: the answers, the outcome, and what the judge found.</summary>
public sealed record CaseResult
{
    /// <summary>The case as sent.</summary>
    public required CaseInstance Instance { get; init; }

    /// <summary>The outcome.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>The target's answers, one per user turn that was answered.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>What the judge found that compromises the case.</summary>
    public IReadOnlyList<JudgeFinding> Findings { get; init; } = [];

    /// <summary>What went wrong when <see cref="Outcome"/> is <see cref="Outcome.Errored"/> or <see cref="Outcome.Unjudgeable"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Who the case ran as.</summary>
    public CallerIdentity Caller { get; init; } = CallerIdentity.Default;

    /// <summary>The tool calls the model requested (or held for approval), over every turn.</summary>
    public IReadOnlyList<ToolCallRecord> RequestedCalls { get; init; } = [];

    /// <summary>The tool invocations the application's pipeline reported (white-box): run, failed or denied.</summary>
    public IReadOnlyList<ToolInvocationRecord> Invocations { get; init; } = [];

    /// <summary>The calls judged as run: the invocations that ran (white-box), or the requested calls (black-box).</summary>
    public IReadOnlyList<ToolCallRecord> ExecutedCalls { get; init; } = [];

    /// <summary>The documents the pipeline reported handing to the model (white-box).</summary>
    public IReadOnlyList<RetrievalRecord> Retrievals { get; init; } = [];

    /// <summary>Every policy finding on the calls that ran, whatever the case's oracle.</summary>
    public IReadOnlyList<JudgeFinding> ToolFindings { get; init; } = [];

    /// <summary>Whether the user's own task was completed; null when the case has none.</summary>
    public bool? TaskCompleted { get; init; }

    /// <summary>Whether the model requested a call that broke the policy and carried protected data, whether or not it ran.</summary>
    public bool ExfiltrationAttempted { get; init; }

    /// <summary>How long the case took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The requests the target answered, over every turn and attempt, in the order they were sent.</summary>
    public IReadOnlyList<TargetRequest> Requests { get; init; } = [];

    /// <summary>The slowest answered request's latency, or zero when no request was answered.</summary>
    public TimeSpan Latency => Requests.Count == 0 ? TimeSpan.Zero : Requests.Max(r => r.Latency);

    /// <summary>The most tokens one answered request used; null when some answered request reported no usage, or none was answered.</summary>
    public long? MaxResponseTokens => Requests.Count == 0 || Requests.Any(r => r.Tokens is null) ? null : Requests.Max(r => r.Tokens!.Value);

    /// <summary>The token usage summed over the answered requests, or null when none reported usage.</summary>
    public UsageDetails? Usage
    {
        get
        {
            UsageDetails? total = null;
            foreach (var usage in Requests.Select(r => r.Usage).OfType<UsageDetails>())
            {
                (total ??= new UsageDetails()).Add(usage);
            }

            return total;
        }
    }

    /// <summary>The case id.</summary>
    public string Id => Instance.RunId;

    /// <summary>The case's technique.</summary>
    public string Technique => Instance.Case.Technique;

    /// <summary>The mutator applied to the case, or <c>none</c>.</summary>
    public string Mutator => Instance.Mutator ?? "none";

    /// <summary>How many times the case was attempted.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>For an adaptive attack, the turn at which it first succeeded; null when it did not (or was not adaptive).</summary>
    public int? CompromisedAtTurn { get; init; }

    /// <summary>For an adaptive attack, how many turns it was pursued for (messages, attempts or levels); 0 when not adaptive.</summary>
    public int AdaptiveTurns { get; init; }

    /// <summary>For an adaptive attack, how many requests its attacker model answered.</summary>
    public int AttackerRequests { get; init; }

    /// <summary>Whether the case is an attack.</summary>
    public bool IsAttack => Instance.Case.Kind == CaseKind.Attack;

    /// <summary>A one-line description of what the judge found, for evidence.</summary>
    public string Finding => Outcome switch
    {
        Outcome.Compromised => string.Join("; ", Findings.Select(f => f.Detail).Distinct()),
        Outcome.Errored => "error: " + Error,
        Outcome.Unjudgeable => "unjudgeable: " + Error,
        Outcome.OverBlocked => "benign request refused or blocked" + ToolNote,
        _ => Outcome.ToString().ToLowerInvariant() + ToolNote,
    };

    // A case that was not compromised under its own oracle may still have run a call the policy forbids or retrieved
    // above clearance; the absolute steps count those, so the evidence says so.
    private string ToolNote =>
        string.Concat(ToolFindings.Select(f => "; " + f.Detail).Concat(Retrievals.Where(r => r.AboveClearance).Select(r => $"; retrieved {r}")).Distinct());
}
