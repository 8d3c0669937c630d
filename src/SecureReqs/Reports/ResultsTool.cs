namespace SecureReqs;

/// <summary>The SecureReqs build that wrote a results file.</summary>
/// <param name="Name">"securereqs".</param>
/// <param name="Version">The version.</param>
/// <param name="Commit">The commit it was built from, or "unknown".</param>
public sealed record ResultsTool(string Name, string Version, string Commit);
