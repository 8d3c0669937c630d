namespace SecureReqs;

/// <summary>How a <see cref="TrainingDatasetScanner"/> reads records.</summary>
/// <remarks>The scanner copies these values when it is constructed.</remarks>
public sealed class TrainingDatasetScannerOptions
{
    /// <summary>The name of each record's provenance object.</summary>
    /// <value>The default value is <c>provenance</c>.</value>
    public string ProvenanceField { get; set; } = "provenance";

    /// <summary>The name of the non-empty string inside the provenance object that says where the record comes from.</summary>
    /// <value>The default value is <c>source</c>.</value>
    public string SourceField { get; set; } = "source";

    /// <summary>The PII scanner; <see cref="PiiScanner.Default"/> when null.</summary>
    /// <value>The default value is null.</value>
    public PiiScanner? PiiScanner { get; set; }

    /// <summary>The prompt-injection detector, with its own thresholds; <see cref="PromptInjectionDetector.Default"/> when null.</summary>
    /// <value>The default value is null.</value>
    public PromptInjectionDetector? InjectionDetector { get; set; }
}
