namespace SecureReqs;

/// <summary>A tool description with a person's label, from a dataset file of kind <c>tool-descriptions</c>.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Poisoned">Whether the description carries instructions aimed at the model.</param>
/// <param name="Technique">How it is poisoned, or what makes a clean one hard (such as <c>sensitive-path-refused</c>).</param>
/// <param name="Domain">The kind of tool: files, email, calendar, payments, search, dev, …</param>
/// <param name="Tool">The tool as a server would list it.</param>
public sealed record LabelledToolDescription(string Id, bool Poisoned, string Technique, string Domain, ToolDescription Tool)
{
    /// <summary>Where the item is, "file:line".</summary>
    public string Source { get; init; } = "";
}
