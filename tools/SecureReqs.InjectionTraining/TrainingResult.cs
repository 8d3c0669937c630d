namespace SecureReqs.InjectionTraining;

/// <summary>What a training run produced: the calibrated model, its weights file, the provenance to sign and the report.</summary>
internal sealed record TrainingResult(InjectionModel Model, byte[] Weights, IReadOnlyDictionary<string, string> Provenance, string Report, IReadOnlyList<TrainingExample> Examples);
