namespace SecureReqs;

/// <summary>One finding of <see cref="PiiFileScanner"/>: where it is in the file and what it is, without the value.</summary>
/// <param name="Line">The 1-based line number (the record).</param>
/// <param name="Start">Offset of the first character in UTF-16 code units of the line, or of the field's decoded string value for JSON Lines.</param>
/// <param name="End">Offset just past the last character, in the same units as <paramref name="Start"/>.</param>
/// <param name="Type">The kebab-case <see cref="PiiType.Name"/>, for example <c>payment-card</c>.</param>
public sealed record PiiFileFinding(long Line, int Start, int End, string Type);
