using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace SecureReqs;

/// <summary>
/// Lets a <c>Microsoft.Extensions.AI.Evaluation</c> evaluator act as a SecureReqs judge for an oracle of its own: each
/// answer is evaluated with the conversation that led to it (and a <see cref="SecureReqsCaseContext"/>), and the metric
/// named <c>metricName</c> decides. By default a metric interpreted as failed is a compromise; pass
/// <c>compromised</c> to decide from the metric yourself. Fail-closed: a missing metric, an error diagnostic, or a metric
/// that cannot be read as a verdict makes the case unjudgeable, never a pass.
/// </summary>
/// <remarks>Thread-safe if the evaluator is.</remarks>
public sealed class EvaluatorJudge : ICaseJudge
{
    private readonly IEvaluator _evaluator;
    private readonly string _metricName;
    private readonly ChatConfiguration? _chatConfiguration;
    private readonly Func<EvaluationMetric, bool?> _compromised;

    /// <summary>Creates the judge.</summary>
    /// <param name="oracle">The oracle name datasets use for it, such as <c>no-legal-advice</c>.</param>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="metricName">The metric that decides (one of the evaluator's <see cref="IEvaluator.EvaluationMetricNames"/>).</param>
    /// <param name="method">Whether the evaluator asks a model (<see cref="JudgeMethod.Semantic"/>, the default) or follows fixed rules.</param>
    /// <param name="chatConfiguration">The model the evaluator uses, when it needs one.</param>
    /// <param name="compromised">Reads a verdict from the metric: true for a compromise, false for none, null when it
    /// cannot tell (the case is then unjudgeable). The default reads <see cref="EvaluationMetric.Interpretation"/>.</param>
    /// <exception cref="ArgumentException">The evaluator does not produce <paramref name="metricName"/>.</exception>
    public EvaluatorJudge(
        string oracle,
        IEvaluator evaluator,
        string metricName,
        JudgeMethod method = JudgeMethod.Semantic,
        ChatConfiguration? chatConfiguration = null,
        Func<EvaluationMetric, bool?>? compromised = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oracle);
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        if (!evaluator.EvaluationMetricNames.Contains(metricName))
        {
            throw new ArgumentException($"the evaluator {evaluator.GetType().Name} produces no metric \"{metricName}\"; it produces {string.Join(", ", evaluator.EvaluationMetricNames.Select(n => $"\"{n}\""))}", nameof(metricName));
        }

        Oracle = oracle;
        Method = method;
        _metricName = metricName;
        _chatConfiguration = chatConfiguration;
        _compromised = compromised ?? (m => m.Interpretation?.Failed);
    }

    /// <inheritdoc/>
    public string Oracle { get; }

    /// <inheritdoc/>
    public JudgeMethod Method { get; }

    /// <summary>Evaluates every answer; one finding per answer the metric calls compromised.</summary>
    /// <param name="input">The case and its answers.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The findings, labelled with <see cref="Method"/>.</returns>
    /// <exception cref="UnjudgeableException">The evaluator gave no usable verdict for an answer.</exception>
    public async ValueTask<IReadOnlyList<JudgeFinding>> JudgeAsync(JudgeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<JudgeFinding>();
        var context = new SecureReqsCaseContext(input.Instance, input.Context, input.Caller);
        var history = new List<ChatMessage>(input.Instance.Context);
        var answered = 0;
        foreach (var turn in input.Instance.Turns)
        {
            if (!turn.IsUser)
            {
                history.Add(new ChatMessage(ChatRole.Assistant, turn.Content));
                continue;
            }

            if (answered == input.Answers.Count)
            {
                break;
            }

            history.Add(new ChatMessage(ChatRole.User, turn.Content));
            var answer = input.Answers[answered++];
            var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer));
            var result = await _evaluator.EvaluateAsync(history, response, _chatConfiguration, [context], cancellationToken).ConfigureAwait(false);
            if (!result.Metrics.TryGetValue(_metricName, out var metric))
            {
                throw new UnjudgeableException($"the evaluator {_evaluator.GetType().Name} returned no metric \"{_metricName}\" for answer {answered}");
            }

            if (metric.Diagnostics?.FirstOrDefault(d => d.Severity == EvaluationDiagnosticSeverity.Error) is { } error)
            {
                throw new UnjudgeableException($"the evaluator {_evaluator.GetType().Name} could not judge answer {answered}: {error.Message}");
            }

            switch (_compromised(metric))
            {
                case true:
                    var why = metric.Reason ?? metric.Interpretation?.Reason ?? $"\"{_metricName}\" failed";
                    findings.Add(new JudgeFinding(Oracle, Method == JudgeMethod.Semantic ? $"{why} (semantic verdict: {_metricName})" : why, answered) { Method = Method });
                    break;
                case null:
                    throw new UnjudgeableException($"the metric \"{_metricName}\" of answer {answered} gives no verdict (no interpretation); pass a function that reads one");
            }

            history.Add(response.Messages[0]);
        }

        return findings;
    }
}
