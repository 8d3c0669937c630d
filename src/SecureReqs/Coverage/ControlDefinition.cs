namespace SecureReqs;

/// <summary>One control of a framework: an OWASP risk, an agentic threat, a NIST AI RMF subcategory, an ISO/IEC 42001 control.</summary>
/// <param name="Id">The id as reports show it: <c>LLM01</c>, <c>T2</c>, <c>MEASURE 2.7</c>, <c>A.6.2.4</c>.</param>
/// <param name="Name">The control's name, or empty when the catalog does not know it.</param>
/// <param name="Description">One or two plain sentences on what goes wrong, or empty.</param>
/// <param name="Mitigation">What typically fixes it, or empty.</param>
public sealed record ControlDefinition(string Id, string Name, string Description = "", string Mitigation = "")
{
    /// <summary>The framework's tag prefix and this id, as a story tags it: <c>owasp:LLM01</c>.</summary>
    public string Tag { get; init; } = "";

    /// <summary>A page that explains the control, or null.</summary>
    public string? HelpUri { get; init; }

    /// <summary>A severity from 0.0 to 10.0 for code-scanning tools (as text, such as "8.0"), or null.</summary>
    public string? SecuritySeverity { get; init; }

    /// <summary>The id and the name: "LLM01 Prompt Injection".</summary>
    public string Title => Name.Length == 0 ? Id : $"{Id} {Name}";
}
