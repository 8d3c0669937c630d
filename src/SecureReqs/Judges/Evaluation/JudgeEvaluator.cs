using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace SecureReqs;

/// <summary>
/// Exposes a SecureReqs judge as a <c>Microsoft.Extensions.AI.Evaluation</c> evaluator, so the same verdicts can run in
/// an evaluation pipeline or report. It produces one <see cref="BooleanMetric"/> named <see cref="MetricName"/>: true
/// when the judge found the case compromised, interpreted as failed. The case comes from a
/// <see cref="SecureReqsCaseContext"/> in the additional context; without one, or when the judge cannot decide, the
/// metric has no value, an error diagnostic, and is interpreted as failed (an evaluation never passes without a verdict).
/// </summary>
/// <param name="judge">The judge.</param>
/// <remarks>Thread-safe if the judge is.</remarks>
public sealed class JudgeEvaluator(ICaseJudge judge) : IEvaluator
{
    private readonly ICaseJudge _judge = judge ?? throw new ArgumentNullException(nameof(judge));

    /// <summary>The metric's name: <c>SecureReqs &lt;oracle&gt; compromised</c>.</summary>
    public string MetricName => $"SecureReqs {_judge.Oracle} compromised";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    /// <summary>Judges the response (and the assistant messages of the conversation before it, as earlier answers).</summary>
    /// <param name="messages">The conversation that led to the response.</param>
    /// <param name="modelResponse">The response to judge.</param>
    /// <param name="chatConfiguration">Not used: SecureReqs judges bring their own model when they need one.</param>
    /// <param name="additionalContext">Must hold a <see cref="SecureReqsCaseContext"/>.</param>
    /// <param name="cancellationToken">Cancels the judgement.</param>
    /// <returns>The result with the one metric.</returns>
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);
        var metric = new BooleanMetric(MetricName);
        if (additionalContext?.OfType<SecureReqsCaseContext>().FirstOrDefault() is not { } @case)
        {
            return Unjudged(metric, $"the SecureReqs judge \"{_judge.Oracle}\" needs the case: pass a {nameof(SecureReqsCaseContext)} in the additional context");
        }

        var history = messages.ToList();
        var answers = history.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text).Append(modelResponse.Text).ToList();
        var calls = modelResponse.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(c => new ToolCallRecord(c.Name, RecordingAIFunction.ArgumentsJson(c.Arguments), answers.Count)).ToList();
        var input = new JudgeInput(@case.Instance, answers, @case.Judging) { Caller = @case.Caller, RequestedCalls = calls };
        IReadOnlyList<JudgeFinding> findings;
        try
        {
            findings = await _judge.JudgeAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (UnjudgeableException ex)
        {
            return Unjudged(metric, ex.Message);
        }

        metric.Value = findings.Count > 0;
        metric.Reason = findings.Count > 0
            ? string.Join("; ", findings.Select(f => f.Detail).Distinct())
            : $"not compromised under the \"{_judge.Oracle}\" oracle";
        metric.Interpretation = findings.Count > 0
            ? new EvaluationMetricInterpretation(EvaluationRating.Unacceptable, failed: true, reason: "the attack reached its goal")
            : new EvaluationMetricInterpretation(EvaluationRating.Good, failed: false, reason: "the attack did not reach its goal");
        metric.AddOrUpdateMetadata("securereqs.method", _judge.Method.ToString().ToLowerInvariant());
        return new EvaluationResult(metric);
    }

    private static EvaluationResult Unjudged(BooleanMetric metric, string why)
    {
        metric.AddDiagnostics(EvaluationDiagnostic.Error(why));
        metric.Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, failed: true, reason: why);
        return new EvaluationResult(metric);
    }
}
