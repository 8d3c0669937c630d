namespace SecureReqs;

/// <summary>One fact an assistant's memory keeps.</summary>
/// <param name="Owner">The user who told it (the user id it was remembered for).</param>
/// <param name="Text">The fact.</param>
public sealed record MemoryEntry(string Owner, string Text);
