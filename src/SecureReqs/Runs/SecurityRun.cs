using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// Sends cases to a target with bounded concurrency and judges every answer. Outcome accounting is fail-closed: an
/// exception, a timeout or an empty answer from the target is <see cref="Outcome.Errored"/>, an answer that cannot be
/// judged is <see cref="Outcome.Unjudgeable"/>, and neither is ever a pass.
/// </summary>
/// <remarks>Thread-safe for concurrent <see cref="ExecuteAsync"/> calls if the target is.</remarks>
public sealed class SecurityRun
{
    /// <summary>The answer text recorded for an answer the provider's content filter stopped with no text.</summary>
    public const string ContentFilterNote = "[no text: the provider's content filter stopped this answer (finish reason \"content_filter\"); counted as blocked]";

    private readonly IChatClient _target;
    private readonly SecurityRunOptions _options;
    private readonly JudgeContext _context;

    // Requests in flight: a case holds a slot only while its request is out, not while its answer is judged, so a slow
    // judge (or the first answer that builds the judges' patterns) never holds the target back.
    private readonly SemaphoreSlim _inFlight;

    /// <summary>Creates a run against <paramref name="target"/>.</summary>
    /// <param name="target">The system under test.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <param name="context">What the judges know about the target (its system prompt), or null for nothing.</param>
    public SecurityRun(IChatClient target, SecurityRunOptions? options = null, JudgeContext? context = null)
    {
        _target = target;
        _options = options ?? new SecurityRunOptions();
        _options.Validate();
        _context = context ?? JudgeContext.None;
        _inFlight = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
    }

    /// <summary>Runs every case and judges it.</summary>
    /// <param name="targetName">The target's name, for the result.</param>
    /// <param name="datasetName">The dataset's name, for the result.</param>
    /// <param name="cases">The filled cases.</param>
    /// <param name="cancellationToken">Stops the run: no new request is sent, and the result holds the cases that finished, marked <see cref="RunResult.Interrupted"/>.</param>
    /// <returns>One result per case, in case order.</returns>
    public async Task<RunResult> ExecuteAsync(string targetName, string datasetName, IReadOnlyList<CaseInstance> cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = _options.KeepCases ? new CaseResult[cases.Count] : null;
        var tally = new RunTally();
        var progress = _options.Progress;
        var completed = _options.OnCaseCompleted;
        var started = _options.TimeProvider.GetTimestamp();
        var gate = new Lock();
        progress?.Report(new RunProgress(0, cases.Count, TimeSpan.Zero));
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, cases.Count),
                // Twice as many cases in progress as requests in flight: while some answers are judged, other cases send.
                // At 1 the cases run strictly one after another, as a user who asks for one at a time expects.
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency == 1 ? 1 : 2 * _options.MaxConcurrency, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    var result = await RunCaseAsync(cases[i], ct).ConfigureAwait(false);

                    // A case cut short by the outside cancellation is not a finished case.
                    ct.ThrowIfCancellationRequested();
                    if (results is not null)
                    {
                        results[i] = result;
                    }

                    // Counted, streamed and reported under a lock, so that counts arrive in order and no callback runs
                    // concurrently.
                    lock (gate)
                    {
                        tally.Add(result);
                        completed?.Invoke(result);
                        progress?.Report(new RunProgress(tally.Cases, cases.Count, _options.TimeProvider.GetElapsedTime(started)));
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped from outside (Ctrl-C, SIGTERM): keep what finished, say the run is incomplete, send nothing more.
            return new RunResult(targetName, datasetName, results is null ? [] : [.. results.Where(r => r is not null)]) { Interrupted = true, Tally = tally };
        }

        return new RunResult(targetName, datasetName, results ?? []) { Tally = tally };
    }

    /// <summary>
    /// Runs and judges one case, <see cref="SecurityRunOptions.Attempts"/> times: an attack counts as compromised when
    /// any attempt succeeds; otherwise an errored or unjudgeable attempt decides the outcome (fail-closed).
    /// </summary>
    /// <param name="instance">The filled case.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <returns>The result.</returns>
    public async Task<CaseResult> RunCaseAsync(CaseInstance instance, CancellationToken cancellationToken = default)
    {
        var attempts = new List<CaseResult>(_options.Attempts);
        for (var attempt = 0; attempt < _options.Attempts; attempt++)
        {
            var result = await AttemptAsync(instance, cancellationToken).ConfigureAwait(false);
            attempts.Add(result);
            if (result.Outcome == Outcome.Compromised)
            {
                break;
            }
        }

        // The worst attempt decides: compromised, then errored or unjudgeable, then over-blocked, then resisted; an attack
        // counts as detected only when every attempt was detected.
        var worst = attempts.MinBy(a => a.Outcome switch
        {
            Outcome.Compromised => 0,
            Outcome.Errored => 1,
            Outcome.Unjudgeable => 2,
            Outcome.OverBlocked => 3,
            Outcome.Resisted => 4,
            _ => 5,
        })!;
        return worst with
        {
            Attempts = attempts.Count,
            Duration = TimeSpan.FromTicks(attempts.Sum(a => a.Duration.Ticks)),
            Requests = [.. attempts.SelectMany(a => a.Requests)],
        };
    }

    private async Task<CaseResult> AttemptAsync(CaseInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Strategy is { } strategy && _options.Adaptive is { } pursuit && instance.Case.Kind == CaseKind.Attack)
        {
            return await new AdaptiveAttackRun(this, pursuit, instance, strategy).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        var started = _options.TimeProvider.GetTimestamp();
        var caller = instance.Case.Caller ?? _options.Caller;
        using var evidence = SecurityEvidence.Begin(caller);
        var conversation = new Conversation(instance.Context);
        string? user = null;
        foreach (var turn in instance.Turns)
        {
            if (!turn.IsUser)
            {
                conversation.History.Add(new ChatMessage(ChatRole.Assistant, turn.Content));
                continue;
            }

            if (turn.NewConversation || (turn.User is not null && turn.User != user))
            {
                // Another synthetic user, or a fresh session: a new conversation that sees nothing of the ones before,
                // run as that user, so that only the application's own state (its memory) can carry anything across.
                conversation.History.Clear();
                conversation.History.AddRange(instance.Context);
                if (turn.User is not null)
                {
                    user = turn.User;
                    evidence.Caller = caller with { User = CaseUsers.IdOf(instance, turn.User) };
                }
            }

            if (await SendAsync(conversation, turn.Content, cancellationToken).ConfigureAwait(false) is { } error)
            {
                return Ended(instance, Outcome.Errored, conversation.Answers, conversation.Requests, error, started);
            }
        }

        return await JudgeAsync(instance, conversation, evidence, caller, started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What one conversation with the target sent and got back.</summary>
    internal sealed class Conversation(IEnumerable<ChatMessage> context)
    {
        /// <summary>The messages so far, the case's context first.</summary>
        public List<ChatMessage> History { get; } = [.. context];

        /// <summary>The answers, one per answered user message.</summary>
        public List<string> Answers { get; } = [];

        /// <summary>The tool calls the model requested.</summary>
        public List<ToolCallRecord> Requested { get; } = [];

        /// <summary>The requests the target answered.</summary>
        public List<TargetRequest> Requests { get; } = [];

        /// <summary>Whether an answer refused or a guard blocked or sanitised it.</summary>
        public bool Refused { get; set; }

        /// <summary>Whether the last answer refused or was blocked.</summary>
        public bool LastRefused { get; set; }
    }

    /// <summary>Sends one user message in <paramref name="conversation"/> and records the answer.</summary>
    /// <param name="conversation">The conversation.</param>
    /// <param name="message">The user's message.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Null when the target answered; otherwise why the case ends as errored.</returns>
    internal async Task<string?> SendAsync(Conversation conversation, string message, CancellationToken cancellationToken)
    {
        var clock = _options.TimeProvider;
        var history = conversation.History;
        history.Add(new ChatMessage(ChatRole.User, message));
        ChatResponse response;
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        var sent = clock.GetTimestamp();
        using (var timeout = new CancellationTokenSource(_options.RequestTimeout, clock))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                response = await _target.GetResponseAsync(history, cancellationToken: linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return $"the target did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s";
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return ex is SecureReqsException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            }
            finally
            {
                _inFlight.Release();
            }
        }

        conversation.Requests.Add(Measured(response, clock.GetElapsedTime(sent)));
        if (response.FinishReason == ChatFinishReason.Length)
        {
            // A cut-off answer cannot be judged whole: the leak may sit in the part that was never written.
            return "the answer was cut off by the target's output length limit (finish reason \"length\"), so it cannot be judged whole; raise the target's maximum output tokens";
        }

        // A guard that removed offending content and said so has detected it, as one that blocked the request has.
        var blocked = RefusalDetector.IsBlocked(response) || RefusalDetector.IsSanitized(response);
        var text = response.Text;
        if (string.IsNullOrWhiteSpace(text) && response.FinishReason == ChatFinishReason.ContentFilter)
        {
            // The provider's content filter stopped the answer: counted as detected (blocked), and the evidence says why.
            text = ContentFilterNote;
        }
        var turnCalls = RequestedCalls(response, conversation.Answers.Count + 1);
        conversation.Requested.AddRange(turnCalls);
        if (string.IsNullOrWhiteSpace(text) && !blocked && turnCalls.Count == 0)
        {
            return "the target returned an empty answer";
        }

        conversation.Answers.Add(text);
        conversation.LastRefused = blocked || RefusalDetector.IsRefusal(text);
        conversation.Refused |= conversation.LastRefused;
        history.AddRange(response.Messages);

        // The person in the loop: a SecureReqs run never approves a held tool call, and says so before the next turn.
        var held = response.Messages.SelectMany(m => m.Contents.OfType<ToolApprovalRequestContent>()).ToList();
        if (held.Count > 0)
        {
            history.Add(new ChatMessage(ChatRole.User, [.. held.Select(h => (AIContent)h.CreateResponse(false, "Not approved: a SecureReqs run never approves tool calls."))]));
        }

        return null;
    }

    /// <summary>Judges a conversation: what the agent did, then the case's oracle.</summary>
    /// <param name="instance">The case as sent.</param>
    /// <param name="conversation">The conversation.</param>
    /// <param name="evidence">The white-box evidence gathered during it.</param>
    /// <param name="caller">Who the case ran as.</param>
    /// <param name="started">When the case started (a timestamp of the run's clock).</param>
    /// <param name="cancellationToken">Cancels the judge.</param>
    /// <returns>The result.</returns>
    internal async Task<CaseResult> JudgeAsync(CaseInstance instance, Conversation conversation, EvidenceScope evidence, CallerIdentity caller, long started, CancellationToken cancellationToken)
    {
        var answers = conversation.Answers;
        var requests = conversation.Requests;
        var requested = conversation.Requested;
        var refused = conversation.Refused;
        var duration = _options.TimeProvider.GetElapsedTime(started);
        if (evidence.Unreadable is [var unreadable, ..])
        {
            // Evidence the target reported but that cannot be read could hide what the case is about: never a pass.
            return Ended(instance, Outcome.Unjudgeable, answers, requests, unreadable, started) with { Retrievals = evidence.Retrievals };
        }

        var input = new JudgeInput(instance, answers, _context)
        {
            Caller = caller,
            RequestedCalls = requested,
            Invocations = evidence.Invocations,
            Retrievals = evidence.Retrievals,
            Memory = evidence.Memory,
        };
        var agent = AgentJudge.Judge(input);
        var result = new CaseResult
        {
            Instance = instance,
            Outcome = Outcome.Resisted,
            Answers = answers,
            Duration = duration,
            Requests = requests,
            Caller = caller,
            RequestedCalls = requested,
            Invocations = evidence.Invocations,
            ExecutedCalls = agent.Executed,
            Retrievals = evidence.Retrievals,
            ModelRequests = evidence.ModelRequests,
            ToolFindings = agent.ToolFindings,
            TaskCompleted = agent.TaskCompleted,
            ExfiltrationAttempted = agent.ExfiltrationAttempted,
        };
        if (instance.Case.Kind == CaseKind.Benign)
        {
            return result with { Outcome = refused ? Outcome.OverBlocked : Outcome.Served };
        }

        var oracle = instance.Case.Oracle.Type;
        if (!_options.Judges.Contains(oracle))
        {
            // A dataset loaded with a judge registered elsewhere: the case cannot be judged here, and never passes.
            return Ended(instance, Outcome.Unjudgeable, answers, requests, $"no judge handles the oracle \"{oracle}\" in this run (register one with JudgeRegistry.Shared.Add)", started);
        }

        IReadOnlyList<JudgeFinding> findings;
        try
        {
            findings = await _options.Judges.Get(oracle).JudgeAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (UnjudgeableException ex)
        {
            return Ended(instance, Outcome.Unjudgeable, answers, requests, ex.Message, started);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A judge that breaks (a registered judge's bug, a model judge's transport error) leaves the case
            // unjudgeable, never passed, and the run goes on.
            return Ended(instance, Outcome.Unjudgeable, answers, requests, $"the \"{oracle}\" judge failed: {ex.GetType().Name}: {ex.Message}", started);
        }

        var stopped = agent.Stopped || (oracle == CaseOracle.Clearance && evidence.Withheld > 0);
        var outcome = findings.Count > 0 ? Outcome.Compromised : refused || stopped ? Outcome.Detected : Outcome.Resisted;
        return result with { Outcome = outcome, Findings = findings };
    }

    /// <summary>Gets the run's options.</summary>
    internal SecurityRunOptions Options => _options;

    private static List<ToolCallRecord> RequestedCalls(ChatResponse response, int turn)
    {
        var calls = new List<ToolCallRecord>();
        foreach (var content in response.Messages.SelectMany(m => m.Contents))
        {
            switch (content)
            {
                case FunctionCallContent call:
                    calls.Add(new ToolCallRecord(call.Name, RecordingAIFunction.ArgumentsJson(call.Arguments), turn));
                    break;
                case ToolApprovalRequestContent { ToolCall: FunctionCallContent held }:
                    calls.Add(new ToolCallRecord(held.Name, RecordingAIFunction.ArgumentsJson(held.Arguments), turn, ApprovalRequest: true));
                    break;
            }
        }

        return calls;
    }

    // A replayed answer from the response cache reports the latency of the request that filled the cache.
    internal static TargetRequest Measured(ChatResponse response, TimeSpan elapsed) =>
        response.AdditionalProperties?.TryGetValue(ResponseCachingChatClient.CachedLatencyProperty, out TimeSpan original) is true
            ? new TargetRequest(original, response.Usage, Cached: true)
            : new TargetRequest(elapsed, response.Usage);

    internal CaseResult Ended(CaseInstance instance, Outcome outcome, List<string> answers, List<TargetRequest> requests, string error, long started) =>
        new()
        {
            Instance = instance,

            // A case with a task that ended in an error did not do its task: it stays in the task KPIs' population.
            TaskCompleted = instance.Case.TaskTools.Count == 0 ? null : false,
            Outcome = outcome,
            Answers = answers,
            Requests = requests,
            Error = error,
            Duration = _options.TimeProvider.GetElapsedTime(started),
        };
}
