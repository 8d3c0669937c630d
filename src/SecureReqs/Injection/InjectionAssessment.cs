namespace SecureReqs;

/// <summary>What a <see cref="PromptInjectionDetector"/> concluded about one text.</summary>
/// <param name="Score">The combined evidence, from 0 (none) to 1.</param>
/// <param name="Verdict">The score interpreted by the detector's thresholds.</param>
/// <param name="Signals">The evidence, ordered by <see cref="InjectionSignal.Start"/>, then by weight, heaviest first.</param>
public sealed record InjectionAssessment(double Score, InjectionVerdict Verdict, IReadOnlyList<InjectionSignal> Signals)
{
    /// <summary>An assessment with no evidence.</summary>
    public static InjectionAssessment None { get; } = new(0, InjectionVerdict.Benign, []);

    /// <summary>Whether the verdict is <see cref="InjectionVerdict.Injection"/>.</summary>
    public bool IsInjection => Verdict == InjectionVerdict.Injection;

    /// <summary>The distinct names of the signals that fired, heaviest first.</summary>
    public IReadOnlyList<string> SignalNames =>
        [.. Signals.GroupBy(s => s.Name, StringComparer.Ordinal).OrderByDescending(g => g.Max(s => s.Weight)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];
}
