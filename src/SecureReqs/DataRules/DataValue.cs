namespace SecureReqs;

/// <summary>One value of a data record.</summary>
/// <param name="Path">Where it is: the CSV column, or the JSON path with dots (<c>contact.email</c>; array items share their array's path).</param>
/// <param name="Field">The declared field that classifies it (the path itself, or the object field around it).</param>
/// <param name="Level">Its classification: the higher of its field's level and its record's label.</param>
/// <param name="Text">The value as text (a JSON number as written).</param>
/// <remarks>Security contract: <see cref="Text"/> is raw; findings show it only masked.</remarks>
public sealed record DataValue(string Path, string Field, string Level, string Text);
