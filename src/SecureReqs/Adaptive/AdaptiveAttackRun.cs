using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// One attack pursued by an attacker model (see <see cref="AdaptiveStrategy"/>). Every answer is judged as it comes;
/// the attack is compromised as soon as any answer is, and otherwise ends with the worst outcome it met (an error or
/// an unjudgeable answer is never a pass). The attacker failing to write a message ends the attack as errored: an attack
/// that was not pursued shows nothing.
/// </summary>
internal sealed class AdaptiveAttackRun
{
    private readonly SecurityRun _run;
    private readonly AdaptivePursuit _pursuit;
    private readonly CaseInstance _instance;
    private readonly AdaptiveStrategy _strategy;
    private readonly CallerIdentity _caller;
    private readonly long _started;
    private readonly List<TargetRequest> _requests = [];
    private readonly ChatMessage _brief;
    private int _attackerRequests;

    public AdaptiveAttackRun(SecurityRun run, AdaptivePursuit pursuit, CaseInstance instance, AdaptiveStrategy strategy)
    {
        _run = run;
        _pursuit = pursuit;
        _instance = instance;
        _strategy = strategy;
        _caller = instance.Case.Caller ?? run.Options.Caller;
        _started = run.Options.TimeProvider.GetTimestamp();
        _brief = AttackerBrief.System(instance, strategy, pursuit);
    }

    public Task<CaseResult> RunAsync(CancellationToken cancellationToken) => _strategy switch
    {
        AdaptiveStrategy.Escalation => EscalateAsync(cancellationToken),
        AdaptiveStrategy.Refinement => SearchAsync(width: 1, branches: 1, cancellationToken),
        _ => SearchAsync(_pursuit.Width, _pursuit.Branches, cancellationToken),
    };

    // One conversation: the case's turns as written, then a message from the attacker after every answer, each answer
    // judged on the whole conversation so far.
    private async Task<CaseResult> EscalateAsync(CancellationToken cancellationToken)
    {
        using var evidence = SecurityEvidence.Begin(_caller);
        var conversation = new SecurityRun.Conversation(_instance.Context);
        var sent = new List<CaseTurn>();
        var shown = new List<AttackerBrief.Exchange>();
        var turn = 0;
        CaseResult? last = null;
        foreach (var written in _instance.Turns)
        {
            sent.Add(written);
            if (!written.IsUser)
            {
                conversation.History.Add(new ChatMessage(ChatRole.Assistant, written.Content));
                continue;
            }

            turn++;
            if (await Send(conversation, written.Content, shown, cancellationToken).ConfigureAwait(false) is { } error)
            {
                return Finish(_run.Ended(As(sent), Outcome.Errored, conversation.Answers, _requests, error, _started), turn);
            }
        }

        while (true)
        {
            last = await _run.JudgeAsync(As(sent), conversation, evidence, _caller, _started, cancellationToken).ConfigureAwait(false);
            if (last.Outcome is Outcome.Compromised or Outcome.Errored or Outcome.Unjudgeable || turn >= _pursuit.MaxTurns)
            {
                return Finish(last, turn);
            }

            turn++;
            var next = await AskAttackerAsync(AttackerBrief.NextTurn(shown, turn, _pursuit), turn, 0, cancellationToken).ConfigureAwait(false);
            if (next.Error is { } attackerError)
            {
                return Finish(_run.Ended(As(sent), Outcome.Errored, conversation.Answers, _requests, attackerError, _started), turn - 1);
            }

            sent.Add(new CaseTurn("user", next.Message!) { Payload = true });
            if (await Send(conversation, next.Message!, shown, cancellationToken).ConfigureAwait(false) is { } error)
            {
                return Finish(_run.Ended(As(sent), Outcome.Errored, conversation.Answers, _requests, error, _started), turn);
            }
        }
    }

    // Refinement (width 1, one branch) and a branching search: level 1 is the case as written; at each further level
    // every kept prompt is rewritten into variations, each sent in a fresh conversation of one message and judged.
    private async Task<CaseResult> SearchAsync(int width, int branches, CancellationToken cancellationToken)
    {
        var first = await AttemptAsync(_instance, cancellationToken).ConfigureAwait(false);
        var tried = new List<CaseResult> { first.Result };
        if (Decided(first.Result))
        {
            return Finish(first.Result, 1);
        }

        var frontier = new List<(List<AttackerBrief.Exchange> Lineage, bool Refused)> { ([first.Shown], first.Refused) };
        for (var level = 2; level <= _pursuit.MaxTurns; level++)
        {
            var children = new List<(List<AttackerBrief.Exchange> Lineage, bool Refused, int Order)>();
            foreach (var (lineage, _) in frontier)
            {
                for (var variation = 1; variation <= branches; variation++)
                {
                    var next = await AskAttackerAsync(AttackerBrief.Rewrite(lineage, level, branches > 1 ? variation : 0, _pursuit), level, variation, cancellationToken).ConfigureAwait(false);
                    if (next.Error is { } attackerError)
                    {
                        return Finish(_run.Ended(_instance, Outcome.Errored, [], _requests, attackerError, _started), level - 1);
                    }

                    var attempt = await AttemptAsync(Single(next.Message!), cancellationToken).ConfigureAwait(false);
                    tried.Add(attempt.Result);
                    if (Decided(attempt.Result))
                    {
                        return Finish(attempt.Result, level);
                    }

                    children.Add(([.. lineage, attempt.Shown], attempt.Refused, children.Count));
                }
            }

            // The variations the target did not refuse go deeper first; ties keep the order they were written in.
            frontier = [.. children.OrderBy(c => c.Refused).ThenBy(c => c.Order).Take(width).Select(c => (c.Lineage, c.Refused))];
        }

        // Not compromised: the worst attempt decides, as with repeated attempts (detected only when every attempt was).
        var worst = tried.MinBy(r => r.Outcome switch
        {
            Outcome.OverBlocked => 0,
            Outcome.Resisted => 1,
            _ => 2,
        })!;
        return Finish(worst, _pursuit.MaxTurns);
    }

    private static bool Decided(CaseResult result) => result.Outcome is Outcome.Compromised or Outcome.Errored or Outcome.Unjudgeable;

    // A fresh conversation of the given case; its requests count for the attack.
    private async Task<(CaseResult Result, AttackerBrief.Exchange Shown, bool Refused)> AttemptAsync(CaseInstance instance, CancellationToken cancellationToken)
    {
        using var evidence = SecurityEvidence.Begin(_caller);
        var conversation = new SecurityRun.Conversation(instance.Context);
        var shown = new List<AttackerBrief.Exchange>();
        foreach (var turn in instance.Turns)
        {
            if (!turn.IsUser)
            {
                conversation.History.Add(new ChatMessage(ChatRole.Assistant, turn.Content));
                continue;
            }

            if (await Send(conversation, turn.Content, shown, cancellationToken).ConfigureAwait(false) is { } error)
            {
                var ended = _run.Ended(instance, Outcome.Errored, conversation.Answers, [.. conversation.Requests], error, _started);
                return (ended, new AttackerBrief.Exchange(AttackerBrief.StartingAttack(instance), "(error) " + error, false), false);
            }
        }

        var result = await _run.JudgeAsync(instance, conversation, evidence, _caller, _started, cancellationToken).ConfigureAwait(false);
        var message = AttackerBrief.StartingAttack(instance);
        return (result, new AttackerBrief.Exchange(message, conversation.Answers.Count > 0 ? conversation.Answers[^1] : "", conversation.Refused), conversation.Refused);
    }

    // Sends one message, counting its request for the attack and showing its answer to the attacker.
    private async Task<string?> Send(SecurityRun.Conversation conversation, string message, List<AttackerBrief.Exchange> shown, CancellationToken cancellationToken)
    {
        var before = conversation.Requests.Count;
        var error = await _run.SendAsync(conversation, message, cancellationToken).ConfigureAwait(false);
        _requests.AddRange(conversation.Requests.Skip(before));
        shown.Add(new AttackerBrief.Exchange(message, error is null ? conversation.Answers[^1] : "(error) " + error, conversation.LastRefused));
        return error;
    }

    private async Task<(string? Message, string? Error)> AskAttackerAsync(ChatMessage request, int turn, int variation, CancellationToken cancellationToken)
    {
        var options = new ChatOptions { Seed = AttackerSeed(turn, variation) };
        ChatResponse response;
        using (var timeout = new CancellationTokenSource(_run.Options.RequestTimeout, _run.Options.TimeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                response = await _pursuit.Attacker.GetResponseAsync([_brief, request], options, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return (null, $"the attacker model \"{_pursuit.AttackerName}\" did not answer within {_run.Options.RequestTimeout.TotalSeconds:0.###} s at turn {turn}, so the attack could not be pursued");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return (null, $"the attacker model \"{_pursuit.AttackerName}\" failed at turn {turn} ({(ex is SecureReqsException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}")}), so the attack could not be pursued");
            }
        }

        _attackerRequests++;
        return AttackerReply.Read(response.Text) is { } message
            ? (message, null)
            : (null, $"the attacker model \"{_pursuit.AttackerName}\" wrote no message at turn {turn} (it answered empty or refused), so the attack could not be pursued; an attack that was not pursued counts against the story");
    }

    // The same attack, turn and variation ask with the same seed in every run.
    private int AttackerSeed(int turn, int variation)
    {
        unchecked
        {
            var h = (uint)_pursuit.Seed * 0x9E3779B1u;
            h = (h ^ (uint)_instance.Index) * 0x85EBCA77u;
            h = (h ^ (uint)((turn * 64) + variation)) * 0xC2B2AE3Du;
            return (int)(h ^ (h >> 16));
        }
    }

    // The case as sent: the conversation the attacker built, the payload on its last user message.
    private CaseInstance As(List<CaseTurn> sent) =>
        _instance with { Turns = [.. sent], PayloadTurn = _instance.PayloadTurn >= 0 && sent.Count == _instance.Turns.Count ? _instance.PayloadTurn : sent.FindLastIndex(t => t.IsUser) };

    // One rewritten prompt as a case of its own: the case's context, one user message carrying the payload.
    private CaseInstance Single(string message) =>
        _instance with { Turns = [new CaseTurn("user", message) { Payload = true }], PayloadTurn = 0 };

    private CaseResult Finish(CaseResult result, int turns) => result with
    {
        Requests = [.. _requests],
        Duration = _run.Options.TimeProvider.GetElapsedTime(_started),
        CompromisedAtTurn = result.Outcome == Outcome.Compromised ? turns : null,
        AdaptiveTurns = turns,
        AttackerRequests = _attackerRequests,
    };
}
