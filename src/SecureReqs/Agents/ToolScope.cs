namespace SecureReqs;

/// <summary>What one role may call: each allowed tool with its argument constraints.</summary>
/// <param name="Role">The role.</param>
/// <param name="Tools">The allowed tools by name, each with the constraints on its arguments (empty for none).</param>
public sealed record ToolScope(string Role, IReadOnlyDictionary<string, IReadOnlyList<ArgumentConstraint>> Tools)
{
    /// <summary>Whether the role may call <paramref name="tool"/> at all.</summary>
    /// <param name="tool">The tool's name.</param>
    /// <returns>True when the tool is in scope.</returns>
    public bool Allows(string tool) => Tools.ContainsKey(tool);
}
