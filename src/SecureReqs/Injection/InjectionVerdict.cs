namespace SecureReqs;

/// <summary>How a <see cref="PromptInjectionDetector"/> interprets an injection score.</summary>
public enum InjectionVerdict
{
    /// <summary>The score is below <see cref="PromptInjectionDetectorOptions.SuspiciousThreshold"/>.</summary>
    Benign,

    /// <summary>The score is at least <see cref="PromptInjectionDetectorOptions.SuspiciousThreshold"/> but below <see cref="PromptInjectionDetectorOptions.InjectionThreshold"/>.</summary>
    Suspicious,

    /// <summary>The score is at least <see cref="PromptInjectionDetectorOptions.InjectionThreshold"/>.</summary>
    Injection,
}
