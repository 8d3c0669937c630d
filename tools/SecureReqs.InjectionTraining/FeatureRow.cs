namespace SecureReqs.InjectionTraining;

/// <summary>One training row: a whole user turn or one window of a document, with its sparse features and label.</summary>
internal sealed record FeatureRow(int[] Buckets, float[] Values, InjectionSource Source, double Unrelated, double Related, bool Label);
