namespace SecureReqs;

/// <summary>A dataset a story sent, as the evidence pack records it.</summary>
/// <param name="Name">The dataset's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="ManifestSha256">The SHA-256 of its manifest.json (which holds each file's SHA-256), lower-case hex.</param>
public sealed record StoryDataset(string Name, string Version, string ManifestSha256);
