using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace SecureReqs;

/// <summary>
/// The SecureReqs case an answer belongs to, passed to an <see cref="IEvaluator"/> as additional context: the case as
/// sent (its planted values and oracle), who it ran as, and what the judges know about the target. <see cref="JudgeEvaluator"/>
/// needs it; <see cref="EvaluatorJudge"/> passes it to the evaluator it wraps.
/// </summary>
public sealed class SecureReqsCaseContext : EvaluationContext
{
    /// <summary>The context's name.</summary>
    public const string ContextName = "SecureReqs case";

    /// <summary>Creates the context of one case.</summary>
    /// <param name="instance">The case as sent.</param>
    /// <param name="judging">What the judges know about the target.</param>
    /// <param name="caller">Who the case ran as, or null for the case's own caller or the default one.</param>
    public SecureReqsCaseContext(CaseInstance instance, JudgeContext judging, CallerIdentity? caller = null)
        : base(ContextName, Describe(instance))
    {
        Instance = instance;
        Judging = judging ?? throw new ArgumentNullException(nameof(judging));
        Caller = caller ?? instance.Case.Caller ?? CallerIdentity.Default;
    }

    /// <summary>The case as sent.</summary>
    public CaseInstance Instance { get; }

    /// <summary>What the judges know about the target.</summary>
    public JudgeContext Judging { get; }

    /// <summary>Who the case ran as.</summary>
    public CallerIdentity Caller { get; }

    // What an evaluator that reads contexts as text sees: the case and its goal, never a planted value.
    private static string Describe(CaseInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return $"SecureReqs case {instance.RunId}: a {instance.Case.Kind.ToString().ToLowerInvariant()} case judged by the \"{instance.Case.Oracle.Type}\" oracle ({instance.Case.Technique}).";
    }
}
