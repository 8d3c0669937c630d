namespace SecureReqs;

/// <summary>One case the attacker model wrote, checked: the case in the dataset format, or why it was set aside.</summary>
/// <param name="Case">The case (its id assigned), or null when it was set aside.</param>
/// <param name="Written">What the model wrote, as it wrote it.</param>
/// <param name="Problem">Why it was set aside, or null.</param>
public sealed record GeneratedCase(SecurityCase? Case, string Written, string? Problem);
