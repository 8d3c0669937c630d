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

    /// <summary>
    /// The names of fields whose values are structure, not free text: a chat record's <c>role</c>, a content part's
    /// <c>type</c>, identifiers. Their values are not assessed for instruction injection when they are one short token
    /// (at most 64 characters, no white space), so a bare role name such as <c>assistant</c> is never read as a prompt;
    /// a sentence in such a field is still assessed. Every value is still scanned for PII. Names match case-sensitively.
    /// </summary>
    /// <value>The default value is <c>role</c>, <c>type</c>, <c>id</c>, <c>tool_call_id</c>, <c>model</c> and <c>finish_reason</c>.</value>
    public IList<string> StructuralFields { get; set; } = ["role", "type", "id", "tool_call_id", "model", "finish_reason"];

    /// <summary>The PII scanner; <see cref="PiiScanner.Default"/> when null.</summary>
    /// <value>The default value is null.</value>
    public PiiScanner? PiiScanner { get; set; }

    /// <summary>The prompt-injection detector, with its own thresholds; <see cref="PromptInjectionDetector.Default"/> when null.</summary>
    /// <value>The default value is null.</value>
    public PromptInjectionDetector? InjectionDetector { get; set; }
}
