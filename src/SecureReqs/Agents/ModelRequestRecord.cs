namespace SecureReqs;

/// <summary>
/// One request that reached the model inside an in-process application, after every middleware of its pipeline:
/// the white-box evidence of data-minimisation stories ("no request to the model contains a social security number").
/// </summary>
/// <param name="Messages">The messages the model received, in order.</param>
public sealed record ModelRequestRecord(IReadOnlyList<ModelMessageRecord> Messages);
