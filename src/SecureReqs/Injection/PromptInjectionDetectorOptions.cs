namespace SecureReqs;

/// <summary>How a <see cref="PromptInjectionDetector"/> interprets its evidence.</summary>
/// <remarks>The detector copies these values when it is constructed; changing the options afterwards has no effect on it.</remarks>
public sealed class PromptInjectionDetectorOptions
{
    /// <summary>The score from which a text is <see cref="InjectionVerdict.Suspicious"/>.</summary>
    /// <value>The default value is 0.4: one moderate signal, such as a role-play request with no unrestricted persona, stays below it.</value>
    public double SuspiciousThreshold { get; set; } = 0.4;

    /// <summary>The score from which a text is an <see cref="InjectionVerdict.Injection"/>.</summary>
    /// <value>The default value is 0.7: one strong signal (an override of the previous instructions, a request for the system prompt, an instruction addressed to the AI inside a document) or two moderate ones reach it.</value>
    public double InjectionThreshold { get; set; } = 0.7;

    /// <summary>How many encodings deep payloads are decoded (base64 inside hex, for example).</summary>
    /// <value>The default value is 2; 0 turns decoding off.</value>
    public int MaxDecodeDepth { get; set; } = 2;

    /// <summary>The most characters assessed; longer texts are assessed on their first and last halves of this budget.</summary>
    /// <value>The default value is 200000.</value>
    public int MaxTextLength { get; set; } = 200_000;

    /// <summary>
    /// Whether the learned stage runs beside the patterns: a logistic regression over hashed character and word n-grams,
    /// shipped signed with this assembly and verified when the detector is created (see docs/guardrails.md, "Learned stage").
    /// </summary>
    /// <value>
    /// The default value is <see langword="true"/>. Its thresholds allow at most 0.2% false alarms at suspicious on the
    /// validation split's benign texts; on the held-out benign requests it adds 2 of 1,737 (model of 2026-12-06), and
    /// the guarded demo over-blocks 5 of 524 benign-controls requests with it on, as with the patterns alone
    /// (docs/guardrails.md, "Learned stage"). Set it to <see langword="false"/> for the pattern stage alone.
    /// </value>
    /// <remarks>When on, a detector cannot be created if the embedded weights do not match their signed manifest: it fails closed.</remarks>
    public bool UseLearnedStage { get; set; } = true;

    /// <summary>Whether the pattern stage (the signal families of docs/guardrails.md, "Pattern stage") runs.</summary>
    /// <value>
    /// The default value is <see langword="true"/>. Turning it off leaves the learned stage alone, to measure it; at least
    /// one stage must be on.
    /// </value>
    public bool UsePatternStage { get; set; } = true;

    internal PromptInjectionDetectorOptions Validated()
    {
        if (SuspiciousThreshold is <= 0 or > 1 || double.IsNaN(SuspiciousThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(SuspiciousThreshold), SuspiciousThreshold, "SuspiciousThreshold must be in (0, 1].");
        }

        if (InjectionThreshold < SuspiciousThreshold || InjectionThreshold > 1 || double.IsNaN(InjectionThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(InjectionThreshold), InjectionThreshold, "InjectionThreshold must be in [SuspiciousThreshold, 1].");
        }

        if (!UsePatternStage && !UseLearnedStage)
        {
            throw new ArgumentException("At least one stage must be on: set UsePatternStage or UseLearnedStage.", nameof(UsePatternStage));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxDecodeDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTextLength, 1000);
        return new PromptInjectionDetectorOptions
        {
            SuspiciousThreshold = SuspiciousThreshold,
            InjectionThreshold = InjectionThreshold,
            MaxDecodeDepth = MaxDecodeDepth,
            MaxTextLength = MaxTextLength,
            UseLearnedStage = UseLearnedStage,
            UsePatternStage = UsePatternStage,
        };
    }
}
