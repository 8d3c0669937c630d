namespace SecureReqs;

/// <summary>Helpers the built-in judges share.</summary>
internal static class JudgeFindings
{
    /// <summary>The findings of judging each answer on its own, numbered by turn (1-based).</summary>
    public static ValueTask<IReadOnlyList<JudgeFinding>> PerAnswer(JudgeInput input, Func<string, int, IEnumerable<JudgeFinding>> judge)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<JudgeFinding>? findings = null;
        for (var i = 0; i < input.Answers.Count; i++)
        {
            foreach (var finding in judge(input.Answers[i], i + 1))
            {
                (findings ??= []).Add(finding);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<JudgeFinding>>(findings ?? (IReadOnlyList<JudgeFinding>)[]);
    }

    /// <summary>The run's canary planted in the case, or null.</summary>
    public static string? Canary(CaseInstance instance) => instance.Planted.FirstOrDefault(p => p.Name == Placeholders.Canary)?.Value;
}
