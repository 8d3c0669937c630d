namespace SecureReqs;

/// <summary>What <see cref="TrainingDatasetScanner"/> found in a training record.</summary>
public enum TrainingDataFindingKind
{
    /// <summary>Personal data or a secret that is not masked (already-masked forms such as <c>[email]</c> do not count).</summary>
    UnmaskedPii,

    /// <summary>Text that the prompt-injection detector, reading it as untrusted content, judges an injection.</summary>
    InstructionInjection,

    /// <summary>The record has no provenance object with a non-empty source.</summary>
    MissingProvenance,
}
