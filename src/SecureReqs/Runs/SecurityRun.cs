using Microsoft.Extensions.AI;

namespace SecureReqs;

/// <summary>
/// Sends cases to a target with bounded concurrency and judges every answer. Outcome accounting is fail-closed: an
/// exception, a timeout or an empty answer from the target is <see cref="Outcome.Errored"/>, never a pass.
/// </summary>
/// <remarks>Thread-safe for concurrent <see cref="ExecuteAsync"/> calls if the target is.</remarks>
public sealed class SecurityRun
{
    private readonly IChatClient _target;
    private readonly SecurityRunOptions _options;

    /// <summary>Creates a run against <paramref name="target"/>.</summary>
    /// <param name="target">The system under test.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public SecurityRun(IChatClient target, SecurityRunOptions? options = null)
    {
        _target = target;
        _options = options ?? new SecurityRunOptions();
        _options.Validate();
    }

    /// <summary>Runs every case and judges it.</summary>
    /// <param name="targetName">The target's name, for the result.</param>
    /// <param name="datasetName">The dataset's name, for the result.</param>
    /// <param name="cases">The filled cases.</param>
    /// <param name="cancellationToken">Cancels the run; the cases not finished are not reported.</param>
    /// <returns>One result per case, in case order.</returns>
    public async Task<RunResult> ExecuteAsync(string targetName, string datasetName, IReadOnlyList<CaseInstance> cases, CancellationToken cancellationToken = default)
    {
        var results = new CaseResult[cases.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await RunCaseAsync(cases[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new RunResult(targetName, datasetName, results);
    }

    /// <summary>Runs and judges one case.</summary>
    /// <param name="instance">The filled case.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <returns>The result.</returns>
    public async Task<CaseResult> RunCaseAsync(CaseInstance instance, CancellationToken cancellationToken = default)
    {
        var clock = _options.TimeProvider;
        var started = clock.GetTimestamp();
        var history = new List<ChatMessage>(instance.Context);
        var answers = new List<string>();
        var refused = false;
        foreach (var turn in instance.Turns)
        {
            if (!turn.IsUser)
            {
                history.Add(new ChatMessage(ChatRole.Assistant, turn.Content));
                continue;
            }

            history.Add(new ChatMessage(ChatRole.User, turn.Content));
            ChatResponse response;
            using (var timeout = new CancellationTokenSource(_options.RequestTimeout, clock))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    response = await _target.GetResponseAsync(history, cancellationToken: linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    return Errored(instance, answers, $"the target did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s", started);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return Errored(instance, answers, $"{ex.GetType().Name}: {ex.Message}", started);
                }
            }

            var blocked = RefusalDetector.IsBlocked(response);
            var text = response.Text;
            if (string.IsNullOrWhiteSpace(text) && !blocked)
            {
                return Errored(instance, answers, "the target returned an empty answer", started);
            }

            answers.Add(text);
            refused |= blocked || RefusalDetector.IsRefusal(text);
            history.AddRange(response.Messages);
        }

        var duration = clock.GetElapsedTime(started);
        if (instance.Case.Kind == CaseKind.Benign)
        {
            return new CaseResult { Instance = instance, Outcome = refused ? Outcome.OverBlocked : Outcome.Served, Answers = answers, Duration = duration };
        }

        var leaks = new List<LeakFinding>();
        for (var i = 0; i < answers.Count; i++)
        {
            leaks.AddRange(PlantedValueLeakJudge.FindLeaks(answers[i], instance.Protected).Select(v => new LeakFinding(v, i + 1)));
        }

        var outcome = leaks.Count > 0 ? Outcome.Compromised : refused ? Outcome.Detected : Outcome.Resisted;
        return new CaseResult { Instance = instance, Outcome = outcome, Answers = answers, Leaks = leaks, Duration = duration };
    }

    private CaseResult Errored(CaseInstance instance, List<string> answers, string error, long started) =>
        new()
        {
            Instance = instance,
            Outcome = Outcome.Errored,
            Answers = answers,
            Error = error,
            Duration = _options.TimeProvider.GetElapsedTime(started),
        };
}
